package dev.keyway.benchmarks;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.ConstantTime;
import dev.keyway.api.spi.MacAlgorithm;
import java.util.Random;

/**
 * One binary packet (RFC 4253 §6) in a buffer that is reused: each call seals it for sending
 * and opens it again as the receiver would, so the buffer holds the plaintext again afterwards.
 * The sealing and the opening side have separate keyed instances with the same keys, as two
 * peers would.
 *
 * <p>Whatever the cipher kind, exactly {@code encryptedBytes} bytes are encrypted and
 * authenticated per direction; only the 4-byte length field differs (in clear for AEAD and
 * encrypt-then-MAC, encrypted otherwise).
 */
abstract class PacketRoundTrip {
    /** 32 KiB: the largest packet every SSH implementation must accept (RFC 4253 §6.1). */
    static final int MAX_ENCRYPTED_BYTES = 32 * 1024;

    final byte[] buf;
    final int len;

    /**
     * @param encryptedBytes the bytes sealed and opened, a multiple of the 16-byte AES block
     *        as the padding rule makes them (RFC 4253 §6)
     * @param len the bytes in the buffer before the tag or MAC
     * @param trailer the tag or MAC length
     */
    private PacketRoundTrip(int encryptedBytes, int len, int trailer) {
        if (encryptedBytes <= 0 || encryptedBytes > MAX_ENCRYPTED_BYTES || encryptedBytes % 16 != 0) {
            throw new IllegalArgumentException(encryptedBytes
                    + " bytes: a packet is a multiple of 16 bytes, up to " + MAX_ENCRYPTED_BYTES);
        }
        this.len = len;
        this.buf = new byte[len + trailer];
        Random random = new Random(len);
        random.nextBytes(buf);
        int packetLength = len - 4;
        dev.keyway.api.wire.SshWriter.putUint32At(buf, 0, packetLength);
        buf[4] = 8; // padding_length; any value the cipher does not care about
    }

    /** Seals then opens the packet; returns a byte of the opened payload so the work is used. */
    abstract int sealThenOpen(int sequenceNumber);

    static byte[] keyMaterial(int length, int seed) {
        byte[] k = new byte[length];
        new Random(seed).nextBytes(k);
        return k;
    }

    /** An AEAD cipher protects the packet alone (RFC 5647; chacha20-poly1305@openssh.com). */
    static final class Aead extends PacketRoundTrip {
        private final AeadCipherAlgorithm.AeadCipher sealer;
        private final AeadCipherAlgorithm.AeadCipher opener;

        Aead(AeadCipherAlgorithm cipher, int encryptedBytes) {
            super(encryptedBytes, 4 + encryptedBytes, cipher.tagLength());
            byte[] key = keyMaterial(cipher.keyLength(), 1);
            byte[] iv = keyMaterial(cipher.ivLength(), 2);
            sealer = cipher.create(CipherDirection.ENCRYPT, key, iv);
            opener = cipher.create(CipherDirection.DECRYPT, key, iv);
        }

        @Override
        int sealThenOpen(int seq) {
            sealer.seal(seq, buf, 0, len);
            // The receiver learns the length before it has the whole packet.
            int packetLength = opener.packetLength(seq, buf, 0);
            if (!opener.open(seq, buf, 0, len)) {
                throw new IllegalStateException("tag check failed on packet " + seq);
            }
            return packetLength + buf[len / 2];
        }
    }

    /**
     * A bulk cipher with a MAC. Encrypt-then-MAC (the {@code -etm@openssh.com} MACs) leaves the
     * length in clear and authenticates the ciphertext; the classic order (RFC 4253 §6.4)
     * authenticates the plaintext and encrypts everything.
     */
    static final class BulkWithMac extends PacketRoundTrip {
        private final BulkCipherAlgorithm.BulkCipher encryptor;
        private final BulkCipherAlgorithm.BulkCipher decryptor;
        private final MacAlgorithm.PacketMac senderMac;
        private final MacAlgorithm.PacketMac receiverMac;
        private final byte[] expectedMac;
        private final boolean etm;

        BulkWithMac(BulkCipherAlgorithm cipher, MacAlgorithm mac, int encryptedBytes) {
            super(encryptedBytes, mac.encryptThenMac() ? 4 + encryptedBytes : encryptedBytes, mac.macLength());
            etm = mac.encryptThenMac();
            byte[] key = keyMaterial(cipher.keyLength(), 1);
            byte[] iv = keyMaterial(cipher.ivLength(), 2);
            byte[] macKey = keyMaterial(mac.keyLength(), 3);
            encryptor = cipher.create(CipherDirection.ENCRYPT, key, iv);
            decryptor = cipher.create(CipherDirection.DECRYPT, key, iv);
            senderMac = mac.create(macKey);
            receiverMac = mac.create(macKey);
            expectedMac = new byte[mac.macLength()];
        }

        @Override
        int sealThenOpen(int seq) {
            int from = etm ? 4 : 0;
            if (etm) {
                encryptor.update(buf, from, len - from);
                senderMac.compute(seq, buf, 0, len, buf, len);
                receiverMac.compute(seq, buf, 0, len, expectedMac, 0);
                checkMac(seq);
                decryptor.update(buf, from, len - from);
            } else {
                senderMac.compute(seq, buf, 0, len, buf, len);
                encryptor.update(buf, 0, len);
                decryptor.update(buf, 0, len);
                receiverMac.compute(seq, buf, 0, len, expectedMac, 0);
                checkMac(seq);
            }
            return buf[len / 2];
        }

        private void checkMac(int seq) {
            if (!ConstantTime.equals(buf, len, expectedMac, 0, expectedMac.length)) {
                throw new IllegalStateException("MAC check failed on packet " + seq);
            }
        }
    }
}
