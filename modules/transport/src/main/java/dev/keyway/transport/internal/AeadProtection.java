package dev.keyway.transport.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm;

/**
 * An AEAD cipher protects the whole packet, length included; its tag is the trailer
 * (RFC 5647 §7, OpenSSH PROTOCOL.chacha20poly1305).
 */
final class AeadProtection implements PacketProtection {
    private final AeadCipherAlgorithm.AeadCipher cipher;
    private final int alignment;
    private final int tagLength;

    AeadProtection(AeadCipherAlgorithm algorithm, AeadCipherAlgorithm.AeadCipher cipher) {
        this.cipher = cipher;
        this.alignment = Math.max(8, algorithm.blockSize());
        this.tagLength = algorithm.tagLength();
    }

    @Override
    public int alignment() {
        return alignment;
    }

    @Override
    public boolean lengthFieldAligned() {
        return false;
    }

    @Override
    public int trailerLength() {
        return tagLength;
    }

    @Override
    public int lengthPrefixBytes() {
        return 4;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
        cipher.seal(seq, buf, off, len);
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) {
        return cipher.packetLength(seq, buf, off);
    }

    @Override
    public boolean open(int seq, byte[] buf, int off, int len) {
        return cipher.open(seq, buf, off, len);
    }
}
