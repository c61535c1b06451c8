package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.spi.CompressionAlgorithm.Compressor;
import dev.keyway.api.spi.CompressionAlgorithm.Decompressor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The laws of the data that {@code zlib} (RFC 4253 §6.2) and {@code zlib@openssh.com} (OpenSSH
 * PROTOCOL §1.2) put on the wire: one zlib stream (RFC 1950, RFC 1951) per direction and set of
 * keys, each payload flushed so that it decompresses as soon as its packet arrives, the history
 * window running on from packet to packet. A compressor's output is read back by the kit's own
 * inflater (zlib, through java.util.zip), so a pair that only agrees with itself is caught; a
 * decompressor is given OpenSSH's bytes, bombs, garbled streams, and streams that zlib decodes
 * but that no SSH peer can continue.
 */
final class ZlibChecks {
    private static final String VECTORS = "zlib-openssh.txt";

    private ZlibChecks() {
    }

    static boolean isZlib(CompressionAlgorithm alg) {
        return StandardSizes.ZLIB_STREAMS.contains(alg.name());
    }

    /**
     * Each compressed payload, read by the kit's inflater after the packets before it, gives back
     * exactly that payload: the stream begins with a zlib header, never ends, and nothing of a
     * payload waits for a later packet (a sync or partial flush after each one).
     */
    static void flushesEachPayload(CompressionAlgorithm alg, long seed, int... payloadSizes) {
        List<byte[]> payloads = CompressionChecks.payloads(new Random(seed), payloadSizes);
        Inflater reference = new Inflater();
        try (Compressor compressor = alg.newCompressor()) {
            for (int i = 0; i < payloads.size(); i++) {
                byte[] payload = payloads.get(i);
                String what = alg.name() + ": payload " + i + " of " + payload.length + " bytes";
                assertArrayEquals(payload, inflateAll(reference, compressor.compress(payload), what),
                        what + ", read by zlib after the packets before it, is not the payload");
            }
        } finally {
            reference.end();
        }
    }

    /**
     * A decompressor gives out all that the data it was given decodes to, as OpenSSH's does
     * (it inflates until zlib has nothing more): streams of long runs (a byte of input for a
     * kilobyte of output), cut into pieces of 1 to 12 bytes, give for each piece what the kit's
     * inflater gives. One that stops when its input is taken, not when its output is, keeps back
     * what zlib still holds when its output buffer fills on the last byte of a piece.
     */
    static void holdsNothingBack(CompressionAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        for (int stream = 0; stream < 8; stream++) {
            byte[] payload = new byte[1 + rnd.nextInt(CompressionChecks.MAX_PAYLOAD)];
            Arrays.fill(payload, (byte) rnd.nextInt());
            Deflater deflater = new Deflater(1 + rnd.nextInt(9));
            Inflater reference = new Inflater();
            try (Decompressor decompressor = alg.newDecompressor()) {
                byte[] compressed = deflate(deflater, payload, 1);
                for (int at = 0; at < compressed.length; ) {
                    int cut = Math.min(compressed.length, at + 1 + rnd.nextInt(12));
                    byte[] piece = Arrays.copyOfRange(compressed, at, cut);
                    String what = alg.name() + ": bytes " + at + ".." + cut + " of a zlib stream";
                    assertArrayEquals(inflateAll(reference, piece, what), CompressionChecks.decompress(alg, decompressor,
                            piece, CompressionChecks.MAX_PAYLOAD, HostileInput.ALLOCATION_BOUND),
                            what + " did not give out all they decode to");
                    at = cut;
                }
            } finally {
                deflater.end();
                reference.end();
            }
        }
    }

    /**
     * The history runs on (RFC 4253 §6.2: the context "is passed from one packet to the next"):
     * random bytes sent again in the next packet compress to a small part of their size.
     */
    static void historyRunsOn(CompressionAlgorithm alg, long seed) {
        byte[] payload = new byte[4096];
        new Random(seed).nextBytes(payload);
        try (Compressor compressor = alg.newCompressor()) {
            compressor.compress(payload);
            int again = compressor.compress(payload).length;
            if (again > payload.length / 8) {
                throw new AssertionError(alg.name() + ": " + payload.length + " bytes repeating the previous packet"
                        + " took " + again + " bytes: the history does not run on from packet to packet");
            }
        }
    }

    /**
     * OpenSSH's bytes ({@code vectors/zlib-openssh.txt}) decompress stream by stream to their
     * payloads, each with a limit of exactly its length; in a second pass, each packet in turn
     * gets a limit one byte short and must be refused with COMPRESSION_ERROR.
     */
    static void knownAnswers(CompressionAlgorithm alg) {
        for (List<VectorFile.Vector> packets : streams().values()) {
            decodeStream(alg, packets, -1);
            for (int shortAt = 0; shortAt < packets.size(); shortAt++) {
                decodeStream(alg, packets, shortAt);
            }
        }
    }

    /**
     * Decodes a stream's packets with limits of exactly their lengths, up to the one at
     * {@code shortAt}, which gets one byte less and must be refused; all of them if it is -1.
     */
    private static void decodeStream(CompressionAlgorithm alg, List<VectorFile.Vector> packets, int shortAt) {
        int last = shortAt < 0 ? packets.size() - 1 : shortAt;
        try (Decompressor decompressor = alg.newDecompressor()) {
            for (int i = 0; i <= last; i++) {
                VectorFile.Vector v = packets.get(i);
                byte[] payload = v.bytes("payload");
                int limit = i == shortAt ? payload.length - 1 : payload.length;
                byte[] out = CompressionChecks.decompress(alg, decompressor, v.bytes("zlib"), limit,
                        HostileInput.ALLOCATION_BOUND);
                if (i == shortAt && out != null) {
                    throw new AssertionError(alg.name() + ": " + v + " came out with a limit one byte short");
                }
                if (i != shortAt) {
                    assertArrayEquals(payload, out, alg.name() + ": " + v + " decompressed wrong");
                }
            }
        }
    }

    /**
     * A bomb, a few KiB of zlib data inflating to {@code expansion} zero bytes, is refused with
     * COMPRESSION_ERROR at the limit, allocating in proportion to the limit, not the expansion;
     * {@code afterHistory} puts a valid packet before it, so the bomb continues a stream.
     */
    static void refusesBomb(CompressionAlgorithm alg, int expansion, int limit, boolean afterHistory) {
        if (expansion < limit + (1 << 10)) {
            throw new IllegalArgumentException("the bomb must exceed the limit by a KiB");
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (Decompressor decompressor = alg.newDecompressor()) {
            if (afterHistory) {
                byte[] history = "SSH_MSG_CHANNEL_DATA".getBytes(StandardCharsets.US_ASCII);
                assertArrayEquals(history, CompressionChecks.decompress(alg, decompressor,
                        deflate(deflater, history, 1), CompressionChecks.MAX_PAYLOAD, HostileInput.ALLOCATION_BOUND),
                        alg.name() + ": the packet before the bomb");
            }
            byte[] zeros = new byte[1 << 10];
            byte[] bomb = deflate(deflater, zeros, expansion / zeros.length);
            byte[] out = CompressionChecks.decompress(alg, decompressor, bomb, limit,
                    CompressionChecks.expansionBound(limit));
            if (out != null) {
                throw new AssertionError(alg.name() + ": " + bomb.length + " bytes inflating to about " + expansion
                        + " gave " + out.length + " bytes with a limit of " + limit);
            }
        } finally {
            deflater.end();
        }
    }

    /**
     * A stream of valid packets in which one packet is garbled (a bit flipped, cut short,
     * replaced by random bytes or left out): every call gives at most the limit or is refused
     * with COMPRESSION_ERROR, never another exception. Wrong bytes may come out, since zlib has
     * no per-packet check; the MAC is what rejects a damaged packet.
     */
    static void garbledStream(CompressionAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        List<byte[]> packets = new ArrayList<>();
        Deflater deflater = new Deflater(1 + rnd.nextInt(9));
        try {
            for (byte[] payload : CompressionChecks.payloads(rnd, 1 + rnd.nextInt(700), 1 + rnd.nextInt(3000),
                    1 + rnd.nextInt(200), 1 + rnd.nextInt(5000))) {
                packets.add(deflate(deflater, payload, 1));
            }
        } finally {
            deflater.end();
        }
        int at = rnd.nextInt(packets.size());
        byte[] target = packets.get(at);
        String how;
        switch (rnd.nextInt(4)) {
            case 0 -> {
                how = "a bit flipped";
                target[rnd.nextInt(target.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> {
                how = "cut short";
                packets.set(at, Arrays.copyOf(target, rnd.nextInt(target.length)));
            }
            case 2 -> {
                how = "replaced by random bytes";
                byte[] noise = new byte[1 + rnd.nextInt(2 * target.length)];
                rnd.nextBytes(noise);
                packets.set(at, noise);
            }
            default -> {
                how = "left out";
                packets.remove(at);
            }
        }
        int limit = CompressionChecks.MAX_PAYLOAD;
        try (Decompressor decompressor = alg.newDecompressor()) {
            for (byte[] packet : packets) {
                try {
                    if (CompressionChecks.decompress(alg, decompressor, packet, limit,
                            CompressionChecks.expansionBound(limit)) == null) {
                        return;
                    }
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + " (packet " + at + " of 4 " + how + ")", e);
                }
            }
        }
    }

    /**
     * Streams that zlib refuses, and streams that zlib decodes but that no SSH peer can continue,
     * are refused with COMPRESSION_ERROR: a wrong header check, a method other than deflate, a
     * preset dictionary (RFC 1950 §2.2, FDICT), the reserved block type (RFC 1951 §3.2.3), a
     * stored block whose length fails its complement, a second zlib header (a compressor that
     * starts a stream per packet), and a stream that ends, after which nothing could follow
     * (OpenSSH's inflater refuses Z_STREAM_END too).
     */
    static void refusesMalformed(CompressionAlgorithm alg) {
        HexFormat hex = HexFormat.of();
        byte[] first = streams().get("sync").get(0).bytes("zlib");
        refused(alg, "a wrong header check", hex.parseHex("789d62656060e0"));
        refused(alg, "compression method 9", hex.parseHex("791862656060e0"));
        refused(alg, "the reserved block type 3", hex.parseHex("789c0600"));
        refused(alg, "a stored block whose length fails its complement", hex.parseHex("789c0005000000"));
        byte[] payload = "SSH_MSG_IGNORE".getBytes(StandardCharsets.US_ASCII);
        Deflater deflater = new Deflater();
        try {
            deflater.setDictionary("ssh-connection".getBytes(StandardCharsets.US_ASCII));
            refused(alg, "a preset dictionary", deflate(deflater, payload, 1));
            deflater.reset();
            deflater.setInput(payload);
            deflater.finish();
            byte[] ended = new byte[256];
            refused(alg, "a stream that ends", Arrays.copyOf(ended, deflater.deflate(ended)));
        } finally {
            deflater.end();
        }
        refused(alg, "a second zlib header", first, first);
    }

    /** The last packet is refused; the ones before it, valid, are accepted. */
    private static void refused(CompressionAlgorithm alg, String what, byte[]... packets) {
        try (Decompressor decompressor = alg.newDecompressor()) {
            for (int i = 0; i < packets.length; i++) {
                byte[] out = CompressionChecks.decompress(alg, decompressor, packets[i], CompressionChecks.MAX_PAYLOAD,
                        HostileInput.ALLOCATION_BOUND);
                boolean last = i == packets.length - 1;
                if (last && out != null) {
                    throw new AssertionError(alg.name() + ": accepted " + what + ", " + out.length + " bytes");
                }
                if (!last && out == null) {
                    throw new AssertionError(alg.name() + ": refused the valid packet before " + what);
                }
            }
        }
    }

    /** The vector file's streams by name, each in packet order. */
    private static Map<String, List<VectorFile.Vector>> streams() {
        Map<String, List<VectorFile.Vector>> streams = new LinkedHashMap<>();
        for (VectorFile.Vector v : VectorFile.load(VECTORS)) {
            streams.computeIfAbsent(v.text("stream"), s -> new ArrayList<>()).add(v);
        }
        return streams;
    }

    /** {@code input} fed {@code times} times to the kit's deflater, then a sync flush. */
    private static byte[] deflate(Deflater deflater, byte[] input, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int i = 0; i < times; i++) {
            deflater.setInput(input);
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk, 0, chunk.length, Deflater.NO_FLUSH));
            }
        }
        int n;
        do {
            n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            out.write(chunk, 0, n);
        } while (n == chunk.length);
        return out.toByteArray();
    }

    /** All that the kit's inflater gets out of one packet of a stream it has followed so far. */
    private static byte[] inflateAll(Inflater inflater, byte[] packet, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        inflater.setInput(packet);
        int n;
        do {
            try {
                n = inflater.inflate(chunk);
            } catch (DataFormatException e) {
                throw new AssertionError(what + ": not a zlib stream continued from the packets before: "
                        + e.getMessage(), e);
            }
            if (inflater.finished() || inflater.needsDictionary()) {
                throw new AssertionError(what + ": the zlib stream " + (inflater.finished() ? "ended" : "needs a dictionary"));
            }
            out.write(chunk, 0, n);
        } while (n == chunk.length || !inflater.needsInput());
        return out.toByteArray();
    }
}
