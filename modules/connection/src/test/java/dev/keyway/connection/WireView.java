package dev.keyway.connection;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.util.ArrayList;
import java.util.List;

/** Reads and builds raw connection messages in tests, as a peer that does not play by the rules would. */
final class WireView {
    static final int WINDOW_ADJUST = 93;
    static final int DATA = 94;
    static final int EXTENDED_DATA = 95;

    private WireView() {
    }

    static int number(byte[] m) {
        return m[0] & 0xff;
    }

    /** The data length of a CHANNEL_DATA or CHANNEL_EXTENDED_DATA message. */
    static int dataLength(byte[] m) throws SshProtocolException {
        SshReader r = new SshReader(m);
        int n = r.readByte();
        r.readUint32();
        if (n == EXTENDED_DATA) {
            r.readUint32();
        }
        return r.readString().length;
    }

    /** The data length of each data message among {@code messages}, in order. */
    static List<Integer> dataLengths(List<byte[]> messages) throws SshProtocolException {
        List<Integer> out = new ArrayList<>();
        for (byte[] m : messages) {
            if (number(m) == DATA || number(m) == EXTENDED_DATA) {
                out.add(dataLength(m));
            }
        }
        return out;
    }

    /** The byte count of a WINDOW_ADJUST. */
    static long adjustBytes(byte[] m) throws SshProtocolException {
        SshReader r = new SshReader(m);
        r.readByte();
        r.readUint32();
        return r.readUint32AsLong();
    }

    static byte[] data(int recipient, int length) {
        return new SshWriter().writeByte(DATA).writeUint32(recipient).writeString(new byte[length]).toByteArray();
    }

    static byte[] message(int number, int recipient) {
        return new SshWriter().writeByte(number).writeUint32(recipient).toByteArray();
    }

    static byte[] windowAdjust(int recipient, long bytes) {
        return new SshWriter().writeByte(WINDOW_ADJUST).writeUint32(recipient).writeUint32(bytes).toByteArray();
    }

    static byte[] request(int recipient, String type, boolean wantReply) {
        return new SshWriter().writeByte(98).writeUint32(recipient).writeUtf8(type).writeBoolean(wantReply)
                .toByteArray();
    }

    static byte[] open(String type, int sender, long window, long maxPacket) {
        return new SshWriter().writeByte(90).writeUtf8(type).writeUint32(sender).writeUint32(window)
                .writeUint32(maxPacket).toByteArray();
    }

    static byte[] globalRequest(String name, boolean wantReply) {
        return new SshWriter().writeByte(80).writeUtf8(name).writeBoolean(wantReply).toByteArray();
    }
}
