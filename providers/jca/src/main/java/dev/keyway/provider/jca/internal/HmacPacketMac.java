package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.MacAlgorithm.PacketMac;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed JDK HMAC over {@code uint32 sequence_number || packet} (RFC 4253 §6.4). The
 * {@link Mac} resets itself after each {@code doFinal}, so one object serves every packet.
 */
final class HmacPacketMac implements PacketMac {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Mac mac;
    private final byte[] sequence = new byte[4];

    HmacPacketMac(String jdkName, byte[] key) {
        this.mac = JdkEngines.mac(jdkName, new SecretKeySpec(key, jdkName));
    }

    @Override
    public void compute(int sequenceNumber, byte[] buf, int off, int len, byte[] out, int outOff) {
        INT_BE.set(sequence, 0, sequenceNumber);
        mac.update(sequence);
        mac.update(buf, off, len);
        try {
            mac.doFinal(out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for the MAC at " + outOff, e);
        }
    }
}
