package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;

/**
 * {@code aes128-ctr} and {@code aes256-ctr} (RFC 4344 §4): the 16-byte IV is the initial
 * 128-bit counter. Encryption and decryption are one keystream XOR, so the direction is
 * not needed.
 *
 * @param name the SSH name
 * @param keyLength 16 or 32
 */
record AesCtr(String name, int keyLength) implements BulkCipherAlgorithm {

    @Override
    public int ivLength() {
        return 16;
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public BulkCipher create(CipherDirection direction, byte[] key, byte[] iv) {
        KeySizes.check(name, key, keyLength, iv, ivLength());
        return new CtrStream(key, iv);
    }

    @Override
    public String toString() {
        return name;
    }
}
