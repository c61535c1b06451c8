package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;

/**
 * {@code chacha20-poly1305@openssh.com} (OpenSSH PROTOCOL.chacha20poly1305): two ChaCha20
 * keys from one 64-byte key, one for the length field and one for the rest, and a Poly1305
 * tag over the whole encrypted packet. No IV; padding to 8 bytes.
 */
record ChaCha20Poly1305() implements AeadCipherAlgorithm {
    static final String NAME = "chacha20-poly1305@openssh.com";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int keyLength() {
        return 64;
    }

    @Override
    public int ivLength() {
        return 0;
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public int tagLength() {
        return ChaChaPacketCipher.TAG_LENGTH;
    }

    /** The direction is not needed: sealing and opening use the same keystreams. */
    @Override
    public AeadCipher create(CipherDirection direction, byte[] key, byte[] iv) {
        KeySizes.check(NAME, key, keyLength(), iv, 0);
        return new ChaChaPacketCipher(key);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
