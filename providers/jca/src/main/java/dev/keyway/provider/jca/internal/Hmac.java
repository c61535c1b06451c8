package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.MacAlgorithm;

/**
 * {@code hmac-sha2-256} and {@code hmac-sha2-512} (RFC 6668 §2) and their
 * {@code -etm@openssh.com} forms (OpenSSH PROTOCOL §1.5), which compute the same HMAC over
 * the ciphertext instead of the plaintext. The key length is the digest length.
 */
final class Hmac implements MacAlgorithm {
    private final String name;
    private final String jdkName;
    private final int length;
    private final boolean encryptThenMac;

    Hmac(String name, String jdkName, int length, boolean encryptThenMac) {
        this.name = name;
        this.jdkName = jdkName;
        this.length = length;
        this.encryptThenMac = encryptThenMac;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyLength() {
        return length;
    }

    @Override
    public int macLength() {
        return length;
    }

    @Override
    public boolean encryptThenMac() {
        return encryptThenMac;
    }

    @Override
    public boolean isSupported() {
        return JdkEngines.hasMac(jdkName);
    }

    /**
     * Uses the key as given: the transport derives exactly {@link #keyLength()} bytes, and
     * HMAC itself is defined for any key length (RFC 2104 §2), which the RFC 4231 vectors use.
     */
    @Override
    public PacketMac create(byte[] key) {
        return new HmacPacketMac(jdkName, key);
    }

    @Override
    public String toString() {
        return name;
    }
}
