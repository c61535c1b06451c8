package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.spi.CompressionAlgorithm.Compressor;
import dev.keyway.api.spi.CompressionAlgorithm.Decompressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The compression contract (RFC 4253 §6.2) as plain methods that throw {@link AssertionError}
 * on a violation, shared by {@link CompressionConformance} and the kit's tests against broken
 * compressors. What holds for every name is here; what the zlib stream of {@code zlib} and
 * {@code zlib@openssh.com} adds is in {@link ZlibChecks}.
 */
final class CompressionChecks {
    /** RFC 4253 §6.1: implementations must handle uncompressed payloads of 32768 bytes. */
    static final int MAX_PAYLOAD = 32768;

    private CompressionChecks() {
    }

    /**
     * Payloads compressed in order by one compressor decompress in order, by one decompressor,
     * to the same bytes; the compressor leaves its input alone.
     */
    static void roundTrip(CompressionAlgorithm alg, long seed, int... payloadSizes) {
        List<byte[]> payloads = payloads(new Random(seed), payloadSizes);
        try (Compressor compressor = alg.newCompressor(); Decompressor decompressor = alg.newDecompressor()) {
            for (int i = 0; i < payloads.size(); i++) {
                byte[] payload = payloads.get(i);
                byte[] before = payload.clone();
                byte[] compressed = compressor.compress(payload);
                assertArrayEquals(before, payload, alg.name() + ": compress changed its input");
                byte[] back = decompress(alg, decompressor, compressed, MAX_PAYLOAD, HostileInput.ALLOCATION_BOUND);
                if (back == null) {
                    throw new AssertionError(alg.name() + ": refused its own compressed payload " + i);
                }
                assertArrayEquals(payload, back, alg.name() + ": payload " + i + " of " + payload.length
                        + " bytes did not survive compression");
            }
        }
    }

    /**
     * The limit is exact: a payload of {@code size} bytes decompresses with a limit of
     * {@code size}, and with a limit one byte lower it is refused with COMPRESSION_ERROR.
     */
    static void limitIsExact(CompressionAlgorithm alg, long seed, int size) {
        byte[] payload = payloads(new Random(seed), size).get(0);
        for (int limit : new int[] {size, size - 1}) {
            try (Compressor compressor = alg.newCompressor(); Decompressor decompressor = alg.newDecompressor()) {
                byte[] back = decompress(alg, decompressor, compressor.compress(payload), limit, expansionBound(limit));
                if (limit == size && !Arrays.equals(payload, back)) {
                    throw new AssertionError(alg.name() + ": a payload of " + size + " bytes did not come back"
                            + " with a limit of exactly its length");
                }
                if (limit < size && back != null) {
                    throw new AssertionError(alg.name() + ": gave " + back.length + " bytes of a " + size
                            + "-byte payload with a limit of " + limit);
                }
            }
        }
    }

    /**
     * Decompressing allocates in proportion to the payload, not to the limit: the transport
     * passes its largest packet size as the limit, and most payloads are a few bytes.
     */
    static void allocatesForThePayload(CompressionAlgorithm alg, long seed, int size) {
        byte[] payload = payloads(new Random(seed), size).get(0);
        try (Compressor compressor = alg.newCompressor(); Decompressor decompressor = alg.newDecompressor()) {
            byte[] back = decompress(alg, decompressor, compressor.compress(payload), 64 << 20, expansionBound(size));
            assertArrayEquals(payload, back, alg.name() + ": a payload of " + size + " bytes with a limit of 64 MiB");
        }
    }

    /**
     * Two streams of one algorithm do not share state, and closing one, twice, leaves the other
     * working: the transport runs two directions at once and closes a stream at every NEWKEYS.
     */
    static void independentStreams(CompressionAlgorithm alg, long seed) {
        List<byte[]> payloads = payloads(new Random(seed), 300, 2000, 40, 700);
        try (Compressor firstCompressor = alg.newCompressor(); Decompressor firstDecompressor = alg.newDecompressor();
                Compressor compressor = alg.newCompressor(); Decompressor decompressor = alg.newDecompressor()) {
            for (int i = 0; i < payloads.size(); i++) {
                byte[] payload = payloads.get(i);
                if (i == payloads.size() / 2) {
                    firstCompressor.close();
                    firstDecompressor.close();
                    firstCompressor.close();
                    firstDecompressor.close();
                } else if (i < payloads.size() / 2) {
                    byte[] other = payloads.get(payloads.size() - 1 - i);
                    assertArrayEquals(other, decompress(alg, firstDecompressor, firstCompressor.compress(other),
                            MAX_PAYLOAD, HostileInput.ALLOCATION_BOUND), alg.name() + ": the first stream broke");
                }
                assertArrayEquals(payload, decompress(alg, decompressor, compressor.compress(payload),
                        MAX_PAYLOAD, HostileInput.ALLOCATION_BOUND),
                        alg.name() + ": payload " + i + " of the second stream depends on the first stream");
            }
        }
    }

    /**
     * A payload that decompresses beyond the receiver's limit is refused with
     * COMPRESSION_ERROR, without allocating much more than the limit: a packet of a few
     * hundred bytes must not expand into gigabytes (a decompression bomb).
     */
    static void boundsExpansion(CompressionAlgorithm alg, int size, int limit) {
        if (size <= limit) {
            throw new IllegalArgumentException("the payload must exceed the limit");
        }
        byte[] bomb;
        try (Compressor compressor = alg.newCompressor()) {
            bomb = compressor.compress(new byte[size]);
        }
        try (Decompressor decompressor = alg.newDecompressor()) {
            byte[] out = decompress(alg, decompressor, bomb, limit, expansionBound(limit));
            if (out != null) {
                throw new AssertionError(alg.name() + ": gave " + out.length + " bytes with a limit of " + limit);
            }
        }
    }

    /** Arbitrary bytes decompress to at most the limit or are refused with COMPRESSION_ERROR. */
    static void hostileData(CompressionAlgorithm alg, byte[] data, int limit) {
        try (Decompressor decompressor = alg.newDecompressor()) {
            decompress(alg, decompressor, data.clone(), limit, expansionBound(limit));
        }
    }

    /** {@code delayed()} is what the standard of the name says. */
    static void delayedAsStandard(CompressionAlgorithm alg) {
        Boolean standard = StandardSizes.COMPRESSION_DELAYED.get(alg.name());
        if (standard != null) {
            assertEquals(standard, alg.delayed(), alg.name() + ": delayed()");
        }
    }

    /**
     * Decompresses what a peer sent: the payload, or null when it is refused. Whatever the data,
     * only SshProtocolException with COMPRESSION_ERROR (RFC 4253 §11.1) may come out, the
     * payload may not exceed the limit and the call may not allocate more than {@code bound}.
     */
    static byte[] decompress(CompressionAlgorithm alg, Decompressor decompressor, byte[] data, int limit, long bound) {
        HostileInput.Attempt<byte[]> attempt = HostileInput.attempt(alg.name() + " decompress", bound,
                () -> decompressor.decompress(data, limit));
        SshProtocolException refusal = attempt.refusal();
        if (refusal != null && refusal.reason() != DisconnectReason.COMPRESSION_ERROR) {
            throw new AssertionError(alg.name() + ": refused with " + refusal.reason()
                    + " instead of COMPRESSION_ERROR", refusal);
        }
        byte[] out = attempt.result();
        if (out != null && out.length > limit) {
            throw new AssertionError(alg.name() + ": gave " + out.length + " bytes with a limit of " + limit);
        }
        return out;
    }

    /** What decompressing with a limit may allocate: a few times the limit, never the expansion. */
    static long expansionBound(int limit) {
        return 4L * limit + (1 << 20);
    }

    /**
     * Payloads of the given sizes (at most {@link #MAX_PAYLOAD}) made of runs of one byte, of
     * random bytes, and of copies of earlier payloads, so that data is both compressible and
     * not, and back-references reach across packets.
     */
    static List<byte[]> payloads(Random rnd, int... sizes) {
        List<byte[]> out = new ArrayList<>();
        for (int size : sizes) {
            byte[] payload = new byte[Math.min(size, MAX_PAYLOAD)];
            int i = 0;
            while (i < payload.length) {
                int run = Math.min(payload.length - i, 1 + rnd.nextInt(300));
                byte[] earlier = out.isEmpty() ? null : out.get(rnd.nextInt(out.size()));
                int kind = rnd.nextInt(3);
                if (kind == 0 && earlier != null && earlier.length >= run) {
                    System.arraycopy(earlier, rnd.nextInt(earlier.length - run + 1), payload, i, run);
                } else if (kind == 1) {
                    Arrays.fill(payload, i, i + run, (byte) rnd.nextInt());
                } else {
                    for (int j = i; j < i + run; j++) {
                        payload[j] = (byte) rnd.nextInt();
                    }
                }
                i += run;
            }
            out.add(payload);
        }
        return out;
    }
}
