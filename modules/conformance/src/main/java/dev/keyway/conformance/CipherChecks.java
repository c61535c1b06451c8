package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AeadCipherAlgorithm.AeadCipher;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.BulkCipherAlgorithm.BulkCipher;
import dev.keyway.api.spi.CipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import java.util.Arrays;
import java.util.Random;

/**
 * The cipher contract as plain methods that throw {@link AssertionError} on a violation, so
 * that the jqwik suite and the kit's own tests (which feed it broken ciphers) share them.
 */
final class CipherChecks {
    private CipherChecks() {
    }

    // ---- AEAD ciphers (RFC 5647, OpenSSH PROTOCOL.chacha20poly1305) ----

    /** Sealed packets open to the original bytes, packet after packet, and nothing else moves. */
    static void aeadRoundTrip(AeadCipherAlgorithm alg, long seed, int payloadSize, int firstSeq, int packets) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        AeadCipher sealer = alg.create(CipherDirection.ENCRYPT, key, iv);
        AeadCipher opener = alg.create(CipherDirection.DECRYPT, key, iv);
        for (int i = 0; i < packets; i++) {
            int seq = firstSeq + i; // wraps past 2^32 - 1 to 0 as SSH sequence numbers do
            SshPacket packet = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
            byte[] plain = packet.packetBytes();
            byte[] outside = packet.outside();
            sealer.seal(seq, packet.buf, packet.off, packet.len);
            assertArrayEquals(outside, packet.outside(), alg.name() + ": seal wrote outside packet and tag");
            assertFalse(Arrays.equals(plain, 4, plain.length, packet.buf, packet.off + 4, packet.off + packet.len),
                    alg.name() + ": seal left the packet body in clear");
            byte[] sealed = packet.sealedBytes();
            assertEquals(packet.packetLength(), opener.packetLength(seq, packet.buf, packet.off),
                    alg.name() + ": packetLength of sealed packet " + i);
            assertArrayEquals(sealed, packet.sealedBytes(), alg.name() + ": packetLength changed the buffer");
            assertTrue(opener.open(seq, packet.buf, packet.off, packet.len), alg.name() + ": open of sealed packet " + i);
            assertArrayEquals(plain, packet.packetBytes(), alg.name() + ": opened packet " + i + " differs");
            assertArrayEquals(outside, packet.outside(), alg.name() + ": open wrote outside packet and tag");
        }
    }

    /** Any single flipped bit in the sealed packet or its tag makes open return false. */
    static void aeadRejectsFlippedBit(AeadCipherAlgorithm alg, long seed, int payloadSize, int seq, int bitPick) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        SshPacket packet = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        alg.create(CipherDirection.ENCRYPT, key, iv).seal(seq, packet.buf, packet.off, packet.len);
        int bit = Math.floorMod(bitPick, (packet.len + alg.tagLength()) * 8);
        packet.buf[packet.off + bit / 8] ^= (byte) (1 << (bit % 8));
        boolean opened;
        try {
            opened = alg.create(CipherDirection.DECRYPT, key, iv).open(seq, packet.buf, packet.off, packet.len);
        } catch (RuntimeException e) {
            throw new AssertionError(alg.name() + ": open threw on a tampered packet", e);
        }
        assertFalse(opened, alg.name() + ": open accepted a packet with bit " + bit + " flipped");
    }

    /**
     * Sealing the same packet twice in a row gives different bytes: every packet gets a fresh
     * nonce (the sequence number, or RFC 5647's invocation counter), never a reused one.
     */
    static void aeadFreshNoncePerPacket(AeadCipherAlgorithm alg, long seed, int payloadSize, int seq) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        SshPacket packet = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        byte[][] sealed = sealTwo(alg.create(CipherDirection.ENCRYPT, key, iv), seq, packet.copy(), packet.copy());
        assertFalse(Arrays.equals(sealed[0], sealed[1]), alg.name() + ": two packets sealed under one nonce");
    }

    /**
     * A packet sealed second does not open first: the receiver's nonce follows the packet
     * order, so a dropped, replayed or reordered packet fails authentication.
     */
    static void aeadRejectsReorderedPacket(AeadCipherAlgorithm alg, long seed, int payloadSize, int seq) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        SshPacket first = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        SshPacket second = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        sealTwo(alg.create(CipherDirection.ENCRYPT, key, iv), seq, first, second);
        AeadCipher opener = alg.create(CipherDirection.DECRYPT, key, iv);
        assertFalse(opener.open(seq, second.buf, second.off, second.len),
                alg.name() + ": the second packet opened in the first one's place");
    }

    /** The same keys, sequence numbers and packets give the same bytes. */
    static void aeadDeterministic(AeadCipherAlgorithm alg, long seed, int payloadSize, int seq) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        SshPacket first = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        SshPacket second = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        byte[][] a = sealTwo(alg.create(CipherDirection.ENCRYPT, key, iv), seq, first.copy(), second.copy());
        byte[][] b = sealTwo(alg.create(CipherDirection.ENCRYPT, key.clone(), iv.clone()), seq, first.copy(), second.copy());
        assertArrayEquals(a[0], b[0], alg.name() + ": first packet sealed twice differs");
        assertArrayEquals(a[1], b[1], alg.name() + ": second packet sealed twice differs");
    }

    /** Flipping any bit of the key or IV changes the sealed bytes: every declared byte is used. */
    static void aeadKeySensitive(AeadCipherAlgorithm alg, long seed, int payloadSize, int seq, int bitPick) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        SshPacket packet = SshPacket.random(rnd, payloadSize, alg.blockSize(), true, alg.tagLength());
        SshPacket other = packet.copy();
        alg.create(CipherDirection.ENCRYPT, key, iv).seal(seq, packet.buf, packet.off, packet.len);
        byte[][] changed = flipKeyOrIv(key, iv, bitPick);
        alg.create(CipherDirection.ENCRYPT, changed[0], changed[1]).seal(seq, other.buf, other.off, other.len);
        assertFalse(Arrays.equals(packet.sealedBytes(), other.sealedBytes()),
                alg.name() + ": a changed key or IV bit did not change the sealed packet");
    }

    /**
     * Random bytes where a sealed packet should be: {@code packetLength} reads any 4 bytes
     * without throwing, and {@code open} returns false (RFC 5647 §7.3: a packet failing
     * authentication is refused), never throws, never allocates without bound. The length
     * given to open is block-aligned, as the transport checks before it calls open.
     */
    static void aeadHostile(AeadCipherAlgorithm alg, long seed, int blocks, int seq) {
        Random rnd = new Random(seed);
        AeadCipher opener = alg.create(CipherDirection.DECRYPT, bytes(rnd, alg.keyLength()), bytes(rnd, alg.ivLength()));
        int len = 4 + Math.max(1, blocks) * alg.blockSize();
        int off = rnd.nextInt(9);
        byte[] buf = bytes(rnd, off + len + alg.tagLength());
        Integer claimed = HostileInput.expectOnlyProtocolErrors(alg.name() + " packetLength",
                () -> opener.packetLength(seq, buf, off));
        if (claimed == null) {
            throw new AssertionError(alg.name() + ": packetLength may not refuse; the transport checks the value");
        }
        Boolean opened = HostileInput.expectOnlyProtocolErrors(alg.name() + " open",
                () -> opener.open(seq, buf, off, len));
        if (!Boolean.FALSE.equals(opened)) {
            throw new AssertionError(alg.name() + ": open accepted random bytes");
        }
    }

    /** Declared sizes match the standard and wrong-sized keys and IVs are refused at create. */
    static void aeadSizes(AeadCipherAlgorithm alg) {
        commonSizes(alg);
        assertTrue(alg.tagLength() >= 16, alg.name() + ": tag shorter than 128 bits");
        StandardSizes.Cipher standard = StandardSizes.CIPHERS.get(alg.name());
        if (standard != null) {
            assertEquals(standard.tag(), alg.tagLength(), alg.name() + ": tagLength");
        }
        Random rnd = new Random(alg.name().hashCode());
        byte[] iv = bytes(rnd, alg.ivLength());
        for (int wrong : new int[] {alg.keyLength() - 1, alg.keyLength() + 1}) {
            assertThrows(IllegalArgumentException.class,
                    () -> alg.create(CipherDirection.ENCRYPT, bytes(rnd, wrong), iv),
                    alg.name() + ": accepted a " + wrong + "-byte key");
        }
        byte[] key = bytes(rnd, alg.keyLength());
        assertThrows(IllegalArgumentException.class,
                () -> alg.create(CipherDirection.ENCRYPT, key, bytes(rnd, alg.ivLength() + 1)),
                alg.name() + ": accepted a wrong-sized IV");
    }

    // ---- bulk ciphers (RFC 4344) ----

    /** Decryption undoes encryption over consecutive packets, in place, touching nothing else. */
    static void bulkRoundTrip(BulkCipherAlgorithm alg, long seed, int[] blocksPerPacket) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        BulkCipher encryptor = alg.create(CipherDirection.ENCRYPT, key, iv);
        BulkCipher decryptor = alg.create(CipherDirection.DECRYPT, key, iv);
        for (int blocks : blocksPerPacket) {
            int off = rnd.nextInt(17);
            int len = blocks * alg.blockSize();
            byte[] buf = bytes(rnd, off + len + SshPacket.GUARD);
            byte[] original = buf.clone();
            encryptor.update(buf, off, len);
            assertGuarded(alg, original, buf, off, len);
            if (len > 0) {
                assertFalse(Arrays.equals(original, off, off + len, buf, off, off + len), alg.name() + ": no encryption");
            }
            decryptor.update(buf, off, len);
            assertArrayEquals(original, buf, alg.name() + ": decrypt(encrypt(x)) != x");
        }
    }

    /** Encrypting A and then B equals encrypting A || B: the state runs on across calls. */
    static void bulkContinuity(BulkCipherAlgorithm alg, long seed, int blocksA, int blocksB) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        int lenA = blocksA * alg.blockSize();
        byte[] whole = bytes(rnd, lenA + blocksB * alg.blockSize());
        byte[] split = whole.clone();
        alg.create(CipherDirection.ENCRYPT, key, iv).update(whole, 0, whole.length);
        BulkCipher twoCalls = alg.create(CipherDirection.ENCRYPT, key.clone(), iv.clone());
        twoCalls.update(split, 0, lenA);
        twoCalls.update(split, lenA, split.length - lenA);
        assertArrayEquals(whole, split, alg.name() + ": two calls differ from one");
    }

    /** Flipping any bit of the key or IV changes the keystream. */
    static void bulkKeySensitive(BulkCipherAlgorithm alg, long seed, int bitPick) {
        Random rnd = new Random(seed);
        byte[] key = bytes(rnd, alg.keyLength());
        byte[] iv = bytes(rnd, alg.ivLength());
        byte[] a = new byte[4 * alg.blockSize()];
        byte[] b = a.clone();
        alg.create(CipherDirection.ENCRYPT, key, iv).update(a, 0, a.length);
        byte[][] changed = flipKeyOrIv(key, iv, bitPick);
        alg.create(CipherDirection.ENCRYPT, changed[0], changed[1]).update(b, 0, b.length);
        assertFalse(Arrays.equals(a, b), alg.name() + ": a changed key or IV bit did not change the output");
    }

    /** Declared sizes match the standard and wrong-sized keys and IVs are refused at create. */
    static void bulkSizes(BulkCipherAlgorithm alg) {
        commonSizes(alg);
        Random rnd = new Random(alg.name().hashCode());
        byte[] iv = bytes(rnd, alg.ivLength());
        for (int wrong : new int[] {alg.keyLength() - 1, alg.keyLength() + 1}) {
            assertThrows(IllegalArgumentException.class,
                    () -> alg.create(CipherDirection.ENCRYPT, bytes(rnd, wrong), iv),
                    alg.name() + ": accepted a " + wrong + "-byte key");
        }
        byte[] key = bytes(rnd, alg.keyLength());
        assertThrows(IllegalArgumentException.class,
                () -> alg.create(CipherDirection.ENCRYPT, key, bytes(rnd, alg.ivLength() + 1)),
                alg.name() + ": accepted a wrong-sized IV");
    }

    // ---- known answers ----

    /** An AES-CTR vector fed in two halves through the SPI, both directions. */
    static void bulkVector(BulkCipherAlgorithm alg, VectorFile.Vector v) {
        byte[] key = v.bytes("key");
        byte[] iv = v.bytes("iv");
        byte[] plain = v.bytes("plain");
        byte[] buf = plain.clone();
        BulkCipher encryptor = alg.create(CipherDirection.ENCRYPT, key, iv);
        int half = plain.length / 2 / alg.blockSize() * alg.blockSize();
        encryptor.update(buf, 0, half);
        encryptor.update(buf, half, buf.length - half);
        assertArrayEquals(v.bytes("cipher"), buf, alg.name() + ": " + v);
        alg.create(CipherDirection.DECRYPT, key, iv).update(buf, 0, buf.length);
        assertArrayEquals(plain, buf, alg.name() + ": decrypting " + v);
    }

    /** A sealed-packet vector: seal gives the recorded bytes and open gives the packet back. */
    static void aeadVector(AeadCipherAlgorithm alg, VectorFile.Vector v) {
        byte[] key = v.bytes("key");
        byte[] iv = v.fields().containsKey("iv") ? v.bytes("iv") : new byte[0];
        int seq = (int) Long.parseLong(v.text("seq"));
        byte[] plain = v.bytes("plain");
        byte[] sealed = v.bytes("sealed");
        byte[] buf = Arrays.copyOf(plain, plain.length + alg.tagLength());
        alg.create(CipherDirection.ENCRYPT, key, iv).seal(seq, buf, 0, plain.length);
        assertArrayEquals(sealed, buf, alg.name() + ": " + v);
        AeadCipher opener = alg.create(CipherDirection.DECRYPT, key, iv);
        assertEquals(plain.length - 4, opener.packetLength(seq, buf, 0), alg.name() + ": packetLength " + v);
        assertTrue(opener.open(seq, buf, 0, plain.length), alg.name() + ": open " + v);
        assertArrayEquals(plain, Arrays.copyOf(buf, plain.length), alg.name() + ": opened " + v);
    }

    // ---- shared pieces ----

    static byte[][] sealTwo(AeadCipher sealer, int seq, SshPacket first, SshPacket second) {
        sealer.seal(seq, first.buf, first.off, first.len);
        sealer.seal(seq + 1, second.buf, second.off, second.len);
        return new byte[][] {first.sealedBytes(), second.sealedBytes()};
    }

    private static void commonSizes(CipherAlgorithm alg) {
        assertTrue(alg.keyLength() > 0, alg.name() + ": keyLength");
        assertTrue(alg.ivLength() >= 0, alg.name() + ": ivLength");
        assertTrue(alg.blockSize() >= 8, alg.name() + ": blockSize below 8 (RFC 4253 §6)");
        StandardSizes.Cipher standard = StandardSizes.CIPHERS.get(alg.name());
        if (standard != null) {
            assertEquals(standard.key(), alg.keyLength(), alg.name() + ": keyLength");
            assertEquals(standard.iv(), alg.ivLength(), alg.name() + ": ivLength");
            assertEquals(standard.block(), alg.blockSize(), alg.name() + ": blockSize");
            assertEquals(standard.tag() > 0, alg instanceof AeadCipherAlgorithm, alg.name() + ": kind");
        }
    }

    private static void assertGuarded(CipherAlgorithm alg, byte[] before, byte[] after, int off, int len) {
        if (!Arrays.equals(before, 0, off, after, 0, off)
                || !Arrays.equals(before, off + len, before.length, after, off + len, after.length)) {
            fail(alg.name() + ": wrote outside [off, off+len)");
        }
    }

    /** Copies of key and IV with one bit flipped, chosen by bitPick over all their bits. */
    static byte[][] flipKeyOrIv(byte[] key, byte[] iv, int bitPick) {
        byte[] k = key.clone();
        byte[] v = iv.clone();
        int bit = Math.floorMod(bitPick, (k.length + v.length) * 8);
        byte[] target = bit / 8 < k.length ? k : v;
        int index = bit / 8 < k.length ? bit / 8 : bit / 8 - k.length;
        target[index] ^= (byte) (1 << (bit % 8));
        return new byte[][] {k, v};
    }

    static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[Math.max(n, 0)];
        rnd.nextBytes(b);
        return b;
    }
}
