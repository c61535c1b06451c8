package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.MacAlgorithm.PacketMac;
import java.util.Arrays;
import java.util.Random;

/**
 * The MAC contract (RFC 4253 §6.4) as plain methods that throw {@link AssertionError} on a
 * violation, shared by the jqwik suite and the kit's tests against broken MACs.
 */
final class MacChecks {
    private MacChecks() {
    }

    /** The same key, sequence number and data give the same MAC, also from a reused object. */
    static void deterministic(MacAlgorithm alg, long seed, int dataLength, int seq) {
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, alg.keyLength());
        byte[] data = CipherChecks.bytes(rnd, dataLength);
        PacketMac mac = alg.create(key);
        byte[] first = compute(alg, mac, seq, data);
        byte[] second = compute(alg, mac, seq, data);
        byte[] fresh = compute(alg, alg.create(key.clone()), seq, data);
        assertArrayEquals(first, second, alg.name() + ": a reused PacketMac gave another MAC");
        assertArrayEquals(first, fresh, alg.name() + ": two PacketMacs with one key disagree");
    }

    /** Flipping any key bit changes the MAC. */
    static void keySensitive(MacAlgorithm alg, long seed, int dataLength, int seq, int bitPick) {
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, alg.keyLength());
        byte[] data = CipherChecks.bytes(rnd, dataLength);
        byte[] other = CipherChecks.flipKeyOrIv(key, new byte[0], bitPick)[0];
        assertFalse(Arrays.equals(compute(alg, alg.create(key), seq, data), compute(alg, alg.create(other), seq, data)),
                alg.name() + ": a changed key bit did not change the MAC");
    }

    /** Another sequence number gives another MAC: the number is part of the input. */
    static void sequenceSensitive(MacAlgorithm alg, long seed, int dataLength, int seq, int otherSeq) {
        if (seq == otherSeq) {
            otherSeq = ~seq;
        }
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, alg.keyLength());
        byte[] data = CipherChecks.bytes(rnd, dataLength);
        PacketMac mac = alg.create(key);
        assertFalse(Arrays.equals(compute(alg, mac, seq, data), compute(alg, mac, otherSeq, data)),
                alg.name() + ": sequence numbers " + seq + " and " + otherSeq + " give the same MAC");
    }

    /**
     * Exactly {@code macLength} bytes are written at {@code outOff}; the rest of {@code out}
     * and the whole input slice stay as they were.
     */
    static void writesExactly(MacAlgorithm alg, long seed, int dataLength, int seq, int outOff) {
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, alg.keyLength());
        int dataOff = rnd.nextInt(9);
        byte[] buf = CipherChecks.bytes(rnd, dataOff + dataLength + SshPacket.GUARD);
        byte[] bufBefore = buf.clone();
        // A trailing guard as long as the longest MAC catches a write of the full digest.
        byte[] out = CipherChecks.bytes(rnd, outOff + alg.macLength() + 64);
        byte[] outBefore = out.clone();
        alg.create(key).compute(seq, buf, dataOff, dataLength, out, outOff);
        assertArrayEquals(bufBefore, buf, alg.name() + ": compute changed its input");
        int end = outOff + alg.macLength();
        assertTrue(Arrays.equals(outBefore, 0, outOff, out, 0, outOff)
                && Arrays.equals(outBefore, end, out.length, out, end, out.length),
                alg.name() + ": wrote outside [outOff, outOff + macLength)");
        byte[] exact = compute(alg, alg.create(key), seq, Arrays.copyOfRange(buf, dataOff, dataOff + dataLength));
        assertArrayEquals(exact, Arrays.copyOfRange(out, outOff, end), alg.name() + ": MAC depends on offsets");
    }

    /**
     * Data of any length (odd, zero, not a block multiple) ending exactly at the end of its
     * array, and the MAC written exactly at the end of its array: nothing is read or written
     * past either end.
     */
    static void atArrayEnds(MacAlgorithm alg, long seed, int dataLength) {
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, alg.keyLength());
        int dataOff = rnd.nextInt(5);
        byte[] buf = CipherChecks.bytes(rnd, dataOff + dataLength);
        byte[] out = new byte[1 + alg.macLength()];
        try {
            alg.create(key).compute(rnd.nextInt(), buf, dataOff, dataLength, out, 1);
        } catch (RuntimeException e) {
            throw new AssertionError(alg.name() + ": compute threw " + e + " for " + dataLength + " bytes at the end", e);
        }
    }

    /** Declared sizes are sane and match the standard. */
    static void sizes(MacAlgorithm alg) {
        assertTrue(alg.keyLength() > 0, alg.name() + ": keyLength");
        assertTrue(alg.macLength() >= 16, alg.name() + ": MAC shorter than 128 bits");
        StandardSizes.Mac standard = StandardSizes.MACS.get(alg.name());
        if (standard != null) {
            assertEquals(standard.key(), alg.keyLength(), alg.name() + ": keyLength");
            assertEquals(standard.mac(), alg.macLength(), alg.name() + ": macLength");
            assertEquals(standard.etm(), alg.encryptThenMac(), alg.name() + ": encryptThenMac");
        }
    }

    /** An RFC 4231 vector: the first 4 data bytes are the sequence number, the rest the packet. */
    static void vector(MacAlgorithm alg, VectorFile.Vector v) {
        byte[] data = v.bytes("data");
        int seq = dev.keyway.api.wire.SshReader.uint32At(data, 0);
        byte[] mac = compute(alg, alg.create(v.bytes("key")), seq, Arrays.copyOfRange(data, 4, data.length));
        assertArrayEquals(v.bytes("mac"), mac, alg.name() + ": " + v);
    }

    static byte[] compute(MacAlgorithm alg, PacketMac mac, int seq, byte[] data) {
        byte[] out = new byte[alg.macLength()];
        mac.compute(seq, data, 0, data.length, out, 0);
        return out;
    }
}
