package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.spi.CompressionAlgorithm.Compressor;
import dev.keyway.api.spi.CompressionAlgorithm.Decompressor;
import java.util.Arrays;
import java.util.Random;

/**
 * The compression contract (RFC 4253 §6.2) as plain methods that throw {@link AssertionError}
 * on a violation, shared by {@link CompressionConformance} and the kit's tests against broken
 * compressors.
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
        Random rnd = new Random(seed);
        Compressor compressor = alg.newCompressor();
        Decompressor decompressor = alg.newDecompressor();
        for (int i = 0; i < payloadSizes.length; i++) {
            byte[] payload = payload(rnd, Math.min(payloadSizes[i], MAX_PAYLOAD));
            byte[] before = payload.clone();
            byte[] compressed = compressor.compress(payload);
            assertArrayEquals(before, payload, alg.name() + ": compress changed its input");
            int n = i;
            byte[] back = HostileInput.expectOnlyProtocolErrors(alg.name() + " decompress",
                    () -> decompressor.decompress(compressed, MAX_PAYLOAD));
            if (back == null) {
                throw new AssertionError(alg.name() + ": refused its own compressed payload " + n);
            }
            assertArrayEquals(payload, back, alg.name() + ": payload " + n + " of " + payload.length
                    + " bytes did not survive compression");
        }
    }

    /**
     * A payload that decompresses beyond the receiver's limit is refused with
     * SshProtocolException, without allocating much more than the limit: a packet of a few
     * hundred bytes must not expand into gigabytes (a decompression bomb).
     */
    static void boundsExpansion(CompressionAlgorithm alg, int size, int limit) {
        if (size <= limit) {
            throw new IllegalArgumentException("the payload must exceed the limit");
        }
        byte[] bomb = alg.newCompressor().compress(new byte[size]);
        Decompressor decompressor = alg.newDecompressor();
        long bound = 4L * limit + (1 << 20);
        byte[] out = HostileInput.expectOnlyProtocolErrors(alg.name() + " decompress", bound,
                () -> decompressor.decompress(bomb, limit));
        if (out != null) {
            throw new AssertionError(alg.name() + ": gave " + out.length + " bytes with a limit of " + limit);
        }
    }

    /** Arbitrary bytes decompress to at most the limit or are refused with SshProtocolException. */
    static void hostileData(CompressionAlgorithm alg, byte[] data, int limit) {
        Decompressor decompressor = alg.newDecompressor();
        byte[] out = HostileInput.expectOnlyProtocolErrors(alg.name() + " decompress", 4L * limit + (1 << 20),
                () -> decompressor.decompress(data.clone(), limit));
        if (out != null && out.length > limit) {
            throw new AssertionError(alg.name() + ": gave " + out.length + " bytes with a limit of " + limit);
        }
    }

    /** {@code delayed()} is what the standard of the name says. */
    static void delayedAsStandard(CompressionAlgorithm alg) {
        Boolean standard = StandardSizes.COMPRESSION_DELAYED.get(alg.name());
        if (standard != null) {
            assertEquals(standard, alg.delayed(), alg.name() + ": delayed()");
        }
    }

    /** Half runs of one byte, half random bytes, so that both compressible and incompressible data occur. */
    private static byte[] payload(Random rnd, int size) {
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            int run = Math.min(size - i, 1 + rnd.nextInt(64));
            if (rnd.nextBoolean()) {
                Arrays.fill(out, i, i + run, (byte) rnd.nextInt());
            } else {
                for (int j = i; j < i + run; j++) {
                    out[j] = (byte) rnd.nextInt();
                }
            }
            i += run;
        }
        return out;
    }
}
