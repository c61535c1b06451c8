package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm.AeadCipher;
import dev.keyway.api.spi.GcmNonce;
import java.util.Arrays;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * One direction of an AES-GCM SSH session on BC's GCM (RFC 5647 §7), with the API's
 * {@link GcmNonce} as the per-packet nonce (RFC 5647 §7.1).
 */
final class GcmPacketCipher implements AeadCipher {
    static final int TAG_LENGTH = 16;

    private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private final KeyParameter key;
    private final GcmNonce nonce;
    private boolean keyed;

    GcmPacketCipher(byte[] key, byte[] iv) {
        this.key = new KeyParameter(key);
        this.nonce = new GcmNonce(iv);
    }

    /** RFC 5647 §7.3: the length field is not encrypted, only authenticated. */
    @Override
    public int packetLength(int sequenceNumber, byte[] buf, int off) {
        return Pack.bigEndianToInt(buf, off);
    }

    @Override
    public void seal(int sequenceNumber, byte[] buf, int off, int len) {
        if (off < 0 || len < 4 || len > buf.length - off - TAG_LENGTH) {
            throw new IllegalArgumentException("no room for a packet of " + len + " bytes and its tag");
        }
        try {
            encrypt(buf, off, 4, buf, off + 4, len - 4);
        } catch (InvalidCipherTextException e) {
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
    void encrypt(byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len) throws InvalidCipherTextException {
        start(true);
        gcm.processAADBytes(aad, aadOff, aadLen);
        int done = gcm.processBytes(buf, off, len, buf, off);
        gcm.doFinal(buf, off + done);
    }

    /**
     * Decrypts {@code buf[off, off+len)} in place and checks the tag at {@code off+len}; BC
     * compares it in constant time. BC's GCM writes plaintext before it reaches the tag, so
     * on failure the region is zeroed: no unauthenticated plaintext is left behind.
     */
    boolean decrypt(byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len) {
        try {
            start(false);
            gcm.processAADBytes(aad, aadOff, aadLen);
            int done = gcm.processBytes(buf, off, len + TAG_LENGTH, buf, off);
            gcm.doFinal(buf, off + done);
            return true;
        } catch (InvalidCipherTextException | DataLengthException | IllegalStateException e) {
            Arrays.fill(buf, off, off + len, (byte) 0);
            return false;
        }
    }

    private void start(boolean forEncryption) {
        // BC's GCM takes a nonce only through init: a fresh 12-byte copy from GcmNonce and a small
        // object per packet. The key goes in only once: given a key, BC would redo the AES key
        // schedule and the GHASH tables on every packet; without one it keeps them.
        gcm.init(forEncryption, new AEADParameters(keyed ? null : key, TAG_LENGTH * 8, nonce.current()));
        keyed = true;
    }
}
