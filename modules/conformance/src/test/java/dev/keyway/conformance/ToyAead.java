package dev.keyway.conformance;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.ConstantTime;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test fixture: a toy AEAD (HMAC-SHA-256 keystream, HMAC-SHA-256 tag over sequence number
 * and ciphertext) with the length field in clear, which can skip its tag check on purpose
 * to prove that the kit's tamper property notices. Not a real cipher.
 *
 * @param checksTag false to open packets without looking at the tag (broken)
 * @param usesSequenceNumber false to derive keystream and tag without the sequence number,
 *        so every packet reuses one nonce (broken)
 */
record ToyAead(boolean checksTag, boolean usesSequenceNumber) implements AeadCipherAlgorithm {
    static final ToyAead HONEST = new ToyAead(true, true);

    @Override
    public String name() {
        return "toy-aead@keyway.dev";
    }

    @Override
    public int keyLength() {
        return 32;
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
        return 16;
    }

    @Override
    public AeadCipher create(CipherDirection direction, byte[] key, byte[] iv) {
        if (key.length != 32 || iv.length != 0) {
            throw new IllegalArgumentException("toy-aead needs a 32-byte key and no IV");
        }
        Mac mac = hmac(key);
        return new AeadCipher() {
            @Override
            public int packetLength(int seq, byte[] buf, int off) {
                return ((buf[off] & 0xff) << 24) | ((buf[off + 1] & 0xff) << 16) | ((buf[off + 2] & 0xff) << 8)
                        | (buf[off + 3] & 0xff);
            }

            @Override
            public void seal(int sequenceNumber, byte[] buf, int off, int len) {
                int seq = usesSequenceNumber ? sequenceNumber : 0;
                xorKeystream(mac, seq, buf, off + 4, len - 4);
                System.arraycopy(tag(mac, seq, buf, off, len), 0, buf, off + len, 16);
            }

            @Override
            public boolean open(int sequenceNumber, byte[] buf, int off, int len) {
                int seq = usesSequenceNumber ? sequenceNumber : 0;
                if (checksTag && !ConstantTime.equals(tag(mac, seq, buf, off, len), 0, buf, off + len, 16)) {
                    return false;
                }
                xorKeystream(mac, seq, buf, off + 4, len - 4);
                return true;
            }
        };
    }

    private static void xorKeystream(Mac mac, int seq, byte[] buf, int off, int len) {
        for (int block = 0; block * 32 < len; block++) {
            mac.update(new byte[] {1, (byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq,
                    (byte) (block >>> 8), (byte) block});
            byte[] stream = mac.doFinal();
            for (int i = 0; i < 32 && block * 32 + i < len; i++) {
                buf[off + block * 32 + i] ^= stream[i];
            }
        }
    }

    private static byte[] tag(Mac mac, int seq, byte[] buf, int off, int len) {
        mac.update(new byte[] {2, (byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq});
        mac.update(buf, off, len);
        return mac.doFinal();
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
