package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.MacAlgorithm.PacketMac;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * A keyed BC HMAC over {@code uint32 sequence_number || packet} (RFC 4253 §6.4). BC's HMac
 * returns to its keyed state after each {@code doFinal}, so one object serves every packet.
 */
final class HmacPacketMac implements PacketMac {
    private final HMac mac;
    private final byte[] sequence = new byte[4];

    HmacPacketMac(Digest digest, byte[] key) {
        this.mac = new HMac(digest);
        mac.init(new KeyParameter(key));
    }

    @Override
    public void compute(int sequenceNumber, byte[] buf, int off, int len, byte[] out, int outOff) {
        if (outOff < 0 || outOff > out.length - mac.getMacSize()) {
            throw new IllegalArgumentException("no room for the MAC at " + outOff);
        }
        Pack.intToBigEndian(sequenceNumber, sequence, 0);
        mac.update(sequence, 0, 4);
        mac.update(buf, off, len);
        mac.doFinal(out, outOff);
    }
}
