package dev.keyway.transport;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;
import java.util.List;

/**
 * An SSH_MSG_KEXINIT message (RFC 4253 §7.1): a random cookie and, per algorithm category,
 * the names a side supports in order of preference.
 */
public record KexInit(
        byte[] cookie,
        List<String> kexAlgorithms,
        List<String> serverHostKeyAlgorithms,
        List<String> encryptionClientToServer,
        List<String> encryptionServerToClient,
        List<String> macClientToServer,
        List<String> macServerToClient,
        List<String> compressionClientToServer,
        List<String> compressionServerToClient,
        List<String> languagesClientToServer,
        List<String> languagesServerToClient,
        boolean firstKexPacketFollows) {

    /** Message number of SSH_MSG_KEXINIT. */
    public static final int MESSAGE_NUMBER = 20;
    /** RFC 4253 §7.1: the cookie is 16 random bytes. */
    public static final int COOKIE_LENGTH = 16;
    /**
     * The largest KEXINIT accepted. Ten name-lists of the most names
     * {@link SshReader#readNameList} takes fit in it; real ones are under 2 KiB. The payload
     * is kept until the exchange ends (it is hashed into H), so it is bounded here rather than
     * by the packet size.
     */
    public static final int MAX_LENGTH = 64 * 1024;

    public KexInit {
        if (cookie.length != COOKIE_LENGTH) {
            throw new IllegalArgumentException("cookie must be 16 bytes");
        }
        cookie = cookie.clone();
        kexAlgorithms = List.copyOf(kexAlgorithms);
        serverHostKeyAlgorithms = List.copyOf(serverHostKeyAlgorithms);
        encryptionClientToServer = List.copyOf(encryptionClientToServer);
        encryptionServerToClient = List.copyOf(encryptionServerToClient);
        macClientToServer = List.copyOf(macClientToServer);
        macServerToClient = List.copyOf(macServerToClient);
        compressionClientToServer = List.copyOf(compressionClientToServer);
        compressionServerToClient = List.copyOf(compressionServerToClient);
        languagesClientToServer = List.copyOf(languagesClientToServer);
        languagesServerToClient = List.copyOf(languagesServerToClient);
    }

    @Override
    public byte[] cookie() {
        return cookie.clone();
    }

    /** The message payload, message number included: exactly the bytes I_C / I_S hash over. */
    public byte[] encode() {
        SshWriter w = new SshWriter(512).writeByte(MESSAGE_NUMBER).writeRaw(cookie);
        w.writeNameList(kexAlgorithms).writeNameList(serverHostKeyAlgorithms)
                .writeNameList(encryptionClientToServer).writeNameList(encryptionServerToClient)
                .writeNameList(macClientToServer).writeNameList(macServerToClient)
                .writeNameList(compressionClientToServer).writeNameList(compressionServerToClient)
                .writeNameList(languagesClientToServer).writeNameList(languagesServerToClient)
                .writeBoolean(firstKexPacketFollows)
                .writeUint32(0); // reserved for future extension
        return w.toByteArray();
    }

    /** Parses a payload that starts with the message number. */
    public static KexInit decode(byte[] payload) throws WireFormatException {
        if (payload.length > MAX_LENGTH) {
            throw new WireFormatException("KEXINIT of " + payload.length + " bytes, more than " + MAX_LENGTH);
        }
        SshReader r = new SshReader(payload);
        if (r.readByte() != MESSAGE_NUMBER) {
            throw new WireFormatException("not an SSH_MSG_KEXINIT");
        }
        if (r.remaining() < COOKIE_LENGTH) {
            throw new WireFormatException("truncated KEXINIT cookie");
        }
        byte[] cookie = new byte[COOKIE_LENGTH];
        for (int i = 0; i < COOKIE_LENGTH; i++) {
            cookie[i] = (byte) r.readByte();
        }
        KexInit k = new KexInit(cookie, r.readNameList(), r.readNameList(), r.readNameList(),
                r.readNameList(), r.readNameList(), r.readNameList(), r.readNameList(),
                r.readNameList(), r.readNameList(), r.readNameList(), r.readBoolean());
        r.readUint32(); // reserved; RFC 4253 §7.1 says to ignore its value
        // Bytes after the reserved field are tolerated: RFC 4253 §7.1 leaves room for extension.
        return k;
    }
}
