package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.BulkCipherAlgorithm.BulkCipher;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of an AES-CTR session: a JDK cipher keyed once whose counter runs on from
 * packet to packet (RFC 4344 §4), never re-initialised.
 */
final class CtrStream implements BulkCipher {
    private final Cipher cipher;

    CtrStream(byte[] key, byte[] iv) {
        this.cipher = JdkEngines.cipher(AesCtr.TRANSFORMATION, Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        try {
            // The JDK's CTR mode is a stream: it returns every byte at once, none held back.
            int done = cipher.update(buf, off, len, buf, off);
            if (done != len) {
                throw new IllegalStateException("AES-CTR returned " + done + " of " + len + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("buffer too short for " + len + " bytes at " + off, e);
        }
    }
}
