package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;

/**
 * {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com}: AES-GCM as RFC 5647
 * defines it and OpenSSH implements it (OpenSSH PROTOCOL §1.6): a 12-byte IV from the key
 * derivation, a 16-byte tag, the packet length in clear as additional authenticated data.
 */
final class AesGcm implements AeadCipherAlgorithm {
    static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final String name;
    private final int keyLength;

    AesGcm(String name, int keyLength) {
        this.name = name;
        this.keyLength = keyLength;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    /** RFC 5647 §7.1: a 4-byte fixed field and an 8-byte invocation counter. */
    @Override
    public int ivLength() {
        return 12;
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public int tagLength() {
        return GcmPacketCipher.TAG_LENGTH;
    }

    @Override
    public boolean isSupported() {
        return JdkEngines.hasCipher(TRANSFORMATION);
    }

    /** The direction is not needed: each packet's init picks the mode. */
    @Override
    public AeadCipher create(CipherDirection direction, byte[] key, byte[] iv) {
        JdkEngines.requireLength(name, "key", key, keyLength);
        JdkEngines.requireLength(name, "IV", iv, ivLength());
        return new GcmPacketCipher(key, iv);
    }

    @Override
    public String toString() {
        return name;
    }
}
