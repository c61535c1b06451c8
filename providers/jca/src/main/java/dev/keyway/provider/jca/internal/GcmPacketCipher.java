package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm.AeadCipher;
import dev.keyway.api.spi.GcmNonce;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of an AES-GCM SSH session on the JDK's GCM (RFC 5647 §7), with the API's
 * {@link GcmNonce} as the per-packet nonce (RFC 5647 §7.1).
 */
final class GcmPacketCipher implements AeadCipher {
    static final int TAG_LENGTH = 16;
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher cipher = JdkEngines.cipher(AesGcm.TRANSFORMATION);
    private final SecretKey key;
    private final GcmNonce nonce;

    GcmPacketCipher(byte[] key, byte[] iv) {
        this.key = new SecretKeySpec(key, "AES");
        this.nonce = new GcmNonce(iv);
    }

    /** RFC 5647 §7.3: the length field is not encrypted, only authenticated. */
    @Override
    public int packetLength(int sequenceNumber, byte[] buf, int off) {
        return (int) INT_BE.get(buf, off);
    }

    @Override
    public void seal(int sequenceNumber, byte[] buf, int off, int len) {
        if (off < 0 || len < 4 || len > buf.length - off - TAG_LENGTH) {
            throw new IllegalArgumentException("no room for a packet of " + len + " bytes and its tag");
        }
        try {
            encrypt(buf, off, 4, buf, off + 4, len - 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal", e);
        } finally {
            nonce.advance();
        }
    }

    @Override
    public boolean open(int sequenceNumber, byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 4 || len > buf.length - off - TAG_LENGTH) {
            return false;
        }
        try {
            return decrypt(buf, off, 4, buf, off + 4, len - 4);
        } finally {
            nonce.advance();
        }
    }

    /**
     * Encrypts {@code buf[off, off+len)} in place under the current nonce with the given
     * additional data and writes the tag at {@code off+len}. The packet path passes the
     * length field as the additional data; the NIST vector test passes other data.
     */
    void encrypt(byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len) throws GeneralSecurityException {
        // The JDK's GCM takes a nonce only through init, so each packet costs a 12-byte copy
        // from GcmNonce and a small spec; both are tiny beside the cipher work.
        // The key object stays the same.
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce.current()));
        cipher.updateAAD(aad, aadOff, aadLen);
        cipher.doFinal(buf, off, len, buf, off);
    }

    /**
     * Checks the tag at {@code off+len} and only then decrypts in place: the JDK's GCM holds
     * back all plaintext until it has compared the tag (in constant time, inside the JDK), so
     * a forged packet leaves the ciphertext as it was. False on any failure.
     */
    boolean decrypt(byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce.current()));
            cipher.updateAAD(aad, aadOff, aadLen);
            cipher.doFinal(buf, off, len + TAG_LENGTH, buf, off);
            return true;
        } catch (GeneralSecurityException | IllegalStateException e) {
            return false;
        }
    }
}
