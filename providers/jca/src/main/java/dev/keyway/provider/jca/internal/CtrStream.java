package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.BulkCipherAlgorithm.BulkCipher;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of an AES-CTR session: a JDK cipher keyed once whose counter runs on from
 * packet to packet (RFC 4344 §4), never re-initialised.
 *
 * <p>The JDK copies the input to a new array whenever input and output share an array, even
 * at the same offset, which would allocate a packet's worth per packet. So the keystream is
 * applied through a reused scratch block and copied back: a memory copy instead of an
 * allocation.
 */
final class CtrStream implements BulkCipher {
    private static final int SCRATCH = 16 * 1024;

    private final Cipher cipher;
    private final byte[] scratch = new byte[SCRATCH];

    CtrStream(byte[] key, byte[] iv) {
        this.cipher = JdkEngines.cipher(AesCtr.TRANSFORMATION, Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        try {
            for (int done = 0; done < len; ) {
                int n = Math.min(SCRATCH, len - done);
                // The JDK's CTR mode is a stream: it returns every byte at once, none held back.
                int out = cipher.update(buf, off + done, n, scratch, 0);
                if (out != n) {
                    throw new IllegalStateException("AES-CTR returned " + out + " of " + n + " bytes");
                }
                System.arraycopy(scratch, 0, buf, off + done, n);
                done += n;
            }
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("buffer too short for " + len + " bytes at " + off, e);
        }
    }
}
