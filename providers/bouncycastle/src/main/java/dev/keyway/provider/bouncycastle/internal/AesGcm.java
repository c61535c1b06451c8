package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;

/**
 * {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} (RFC 5647, OpenSSH
 * PROTOCOL §1.6): 12-byte IV, 16-byte tag, packet length in clear as additional data.
 *
 * @param name the SSH name
 * @param keyLength 16 or 32
 */
record AesGcm(String name, int keyLength) implements AeadCipherAlgorithm {

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

    /** The direction is not needed: each packet's init picks it. */
    @Override
    public AeadCipher create(CipherDirection direction, byte[] key, byte[] iv) {
        KeySizes.check(name, key, keyLength, iv, ivLength());
        return new GcmPacketCipher(key, iv);
    }

    @Override
    public String toString() {
        return name;
    }
}
