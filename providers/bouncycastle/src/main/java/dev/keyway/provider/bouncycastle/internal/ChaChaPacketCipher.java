package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.AeadCipherAlgorithm.AeadCipher;
import dev.keyway.api.spi.ConstantTime;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;

/**
 * One direction of a chacha20-poly1305@openssh.com session (OpenSSH
 * PROTOCOL.chacha20poly1305). The 64-byte key is K_2 (bytes 0..31, payload) followed by K_1
 * (bytes 32..63, length). For each packet the nonce is the sequence number as a uint64 in
 * big-endian order, used with the original ChaCha20 (64-bit nonce, 64-bit block counter,
 * which is BC's {@link ChaChaEngine}):
 * <ul>
 * <li>the 4 length bytes are encrypted with K_1 from block 0;</li>
 * <li>the Poly1305 key is the first 32 bytes of K_2's block 0;</li>
 * <li>the rest of the packet is encrypted with K_2 from block 1;</li>
 * <li>the tag is Poly1305 over the encrypted length and the encrypted rest.</li>
 * </ul>
 * Opening checks the tag over the ciphertext before decrypting anything.
 */
final class ChaChaPacketCipher implements AeadCipher {
    static final int TAG_LENGTH = 16;
    private static final int BLOCK = 64;

    private final KeyParameter payloadKey;
    private final KeyParameter lengthKey;
    private final ChaChaEngine payloadStream = new ChaChaEngine();
    private final ChaChaEngine lengthStream = new ChaChaEngine();
    private final Poly1305 poly1305 = new Poly1305();
    private final byte[] nonce = new byte[8];
    private final byte[] zeros = new byte[BLOCK];
    private final byte[] block0 = new byte[BLOCK];
    private final byte[] length = new byte[4];
    private final byte[] tag = new byte[TAG_LENGTH];

    ChaChaPacketCipher(byte[] key) {
        this.payloadKey = new KeyParameter(key, 0, 32);
        this.lengthKey = new KeyParameter(key, 32, 32);
    }

    /** Decrypts a copy of the 4 length bytes; the buffer stays as it is until open. */
    @Override
    public int packetLength(int sequenceNumber, byte[] buf, int off) {
        System.arraycopy(buf, off, length, 0, 4);
        start(lengthStream, lengthKey, sequenceNumber);
        lengthStream.processBytes(length, 0, 4, length, 0);
        return Pack.bigEndianToInt(length, 0);
    }

    @Override
    public void seal(int sequenceNumber, byte[] buf, int off, int len) {
        if (off < 0 || len < 4 || len > buf.length - off - TAG_LENGTH) {
            throw new IllegalArgumentException("no room for a packet of " + len + " bytes and its tag");
        }
        start(lengthStream, lengthKey, sequenceNumber);
        lengthStream.processBytes(buf, off, 4, buf, off);
        startPayload(sequenceNumber);
        payloadStream.processBytes(buf, off + 4, len - 4, buf, off + 4);
        poly1305.update(buf, off, len);
        poly1305.doFinal(buf, off + len);
    }

    @Override
    public boolean open(int sequenceNumber, byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 4 || len > buf.length - off - TAG_LENGTH) {
            return false;
        }
        startPayload(sequenceNumber);
        poly1305.update(buf, off, len);
        poly1305.doFinal(tag, 0);
        if (!ConstantTime.equals(tag, 0, buf, off + len, TAG_LENGTH)) {
            return false;
        }
        payloadStream.processBytes(buf, off + 4, len - 4, buf, off + 4);
        start(lengthStream, lengthKey, sequenceNumber);
        lengthStream.processBytes(buf, off, 4, buf, off);
        return true;
    }

    /**
     * Sets K_2's stream to this packet's nonce, takes the Poly1305 key from block 0 and
     * leaves the stream at block 1, where the payload starts.
     */
    private void startPayload(int sequenceNumber) {
        start(payloadStream, payloadKey, sequenceNumber);
        payloadStream.processBytes(zeros, 0, BLOCK, block0, 0);
        // BC's Poly1305 takes its one-time key only as a KeyParameter, which copies it.
        poly1305.init(new KeyParameter(block0, 0, 32));
        Arrays.fill(block0, (byte) 0);
    }

    private void start(ChaChaEngine stream, KeyParameter key, int sequenceNumber) {
        Pack.longToBigEndian(Integer.toUnsignedLong(sequenceNumber), nonce, 0);
        // ChaChaEngine takes a nonce only through init (which resets the block counter to 0);
        // ParametersWithIV copies the 8 bytes, a small object per packet.
        stream.init(true, new ParametersWithIV(key, nonce));
    }
}
