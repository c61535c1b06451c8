package dev.keyway.transport.internal;

import dev.keyway.api.wire.SshReader;

import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.ConstantTime;
import dev.keyway.api.spi.MacAlgorithm;

/**
 * A bulk cipher with a separate MAC (RFC 4253 §6.3, §6.4). In the classic encrypt-and-MAC
 * order the whole packet is encrypted and the MAC covers the sequence number and the
 * plaintext; in OpenSSH's encrypt-then-MAC order ({@code -etm@openssh.com}) the length stays
 * in clear and the MAC covers the sequence number, the length and the ciphertext, so a
 * forged packet is rejected before anything is decrypted.
 */
final class CipherAndMacProtection implements PacketProtection {
    private final BulkCipherAlgorithm.BulkCipher cipher;
    private final MacAlgorithm.PacketMac mac;
    private final boolean encryptThenMac;
    private final int blockSize;
    private final int macLength;
    /** Scratch for the MAC an incoming packet should carry; one per direction, reused. */
    private final byte[] expected;

    CipherAndMacProtection(BulkCipherAlgorithm cipherAlgorithm, BulkCipherAlgorithm.BulkCipher cipher,
            MacAlgorithm macAlgorithm, MacAlgorithm.PacketMac mac) {
        this.cipher = cipher;
        this.mac = mac;
        this.encryptThenMac = macAlgorithm.encryptThenMac();
        this.blockSize = Math.max(8, cipherAlgorithm.blockSize());
        this.macLength = macAlgorithm.macLength();
        this.expected = new byte[macLength];
    }

    @Override
    public int alignment() {
        return blockSize;
    }

    @Override
    public boolean lengthFieldAligned() {
        return !encryptThenMac;
    }

    @Override
    public int trailerLength() {
        return macLength;
    }

    @Override
    public int lengthPrefixBytes() {
        return encryptThenMac ? 4 : blockSize;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
        if (encryptThenMac) {
            cipher.update(buf, off + 4, len - 4);
            mac.compute(seq, buf, off, len, buf, off + len);
        } else {
            mac.compute(seq, buf, off, len, buf, off + len);
            cipher.update(buf, off, len);
        }
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) {
        if (!encryptThenMac) {
            cipher.update(buf, off, blockSize);
        }
        return SshReader.uint32At(buf, off);
    }

    @Override
    public boolean open(int seq, byte[] buf, int off, int len) {
        if (encryptThenMac) {
            mac.compute(seq, buf, off, len, expected, 0);
            if (!ConstantTime.equals(expected, 0, buf, off + len, macLength)) {
                return false;
            }
            cipher.update(buf, off + 4, len - 4);
            return true;
        }
        cipher.update(buf, off + blockSize, len - blockSize);
        mac.compute(seq, buf, off, len, expected, 0);
        return ConstantTime.equals(expected, 0, buf, off + len, macLength);
    }
}
