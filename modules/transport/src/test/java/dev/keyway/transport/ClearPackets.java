package dev.keyway.transport;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-made clear-text packets (RFC 4253 §6), for playing a peer that misbehaves. */
final class ClearPackets {
    private ClearPackets() {
    }

    static byte[] frame(byte[] payload) {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        int packetLength = 1 + payload.length + padding;
        byte[] p = new byte[4 + packetLength];
        p[0] = (byte) (packetLength >>> 24);
        p[1] = (byte) (packetLength >>> 16);
        p[2] = (byte) (packetLength >>> 8);
        p[3] = (byte) packetLength;
        p[4] = (byte) padding;
        System.arraycopy(payload, 0, p, 5, payload.length);
        return p;
    }

    static byte[] line(String s) {
        return (s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Everything an engine has to send, as bytes. */
    static byte[] drain(SshTransport t) {
        byte[] b = new byte[t.pendingOutput()];
        t.readOutput(b, 0, b.length);
        return b;
    }

    /** The payloads of the clear packets that follow the identification line in {@code bytes}. */
    static List<byte[]> payloadsAfterIdentification(byte[] bytes) throws WireFormatException {
        int i = 0;
        while (bytes[i] != '\n') {
            i++;
        }
        List<byte[]> out = new ArrayList<>();
        SshReader r = new SshReader(bytes, i + 1, bytes.length - i - 1);
        while (r.remaining() > 0) {
            int len = r.readUint32();
            int start = r.position();
            int padding = bytes[start] & 0xff;
            out.add(Arrays.copyOfRange(bytes, start + 1, start + len - padding));
            new SshReader(bytes, start, len).readRemaining();
            r = new SshReader(bytes, start + len, bytes.length - start - len);
        }
        return out;
    }
}
