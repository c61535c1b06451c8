package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;

/**
 * {@code aes128-ctr} and {@code aes256-ctr} (RFC 4344 §4): AES in counter mode, the 16-byte
 * IV being the initial 128-bit big-endian counter. Encryption and decryption are the same
 * keystream XOR, so the direction is not needed.
 */
final class AesCtr implements BulkCipherAlgorithm {
    static final String TRANSFORMATION = "AES/CTR/NoPadding";

    private final String name;
    private final int keyLength;

    AesCtr(String name, int keyLength) {
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

    @Override
    public int ivLength() {
        return 16;
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public boolean isSupported() {
        return JdkEngines.hasCipher(TRANSFORMATION);
    }

    @Override
    public BulkCipher create(CipherDirection direction, byte[] key, byte[] iv) {
        JdkEngines.requireLength(name, "key", key, keyLength);
        JdkEngines.requireLength(name, "IV", iv, ivLength());
        return new CtrStream(key, iv);
    }

    @Override
    public String toString() {
        return name;
    }
}
