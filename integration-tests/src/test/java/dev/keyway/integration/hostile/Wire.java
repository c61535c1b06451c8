package dev.keyway.integration.hostile;

import dev.keyway.api.wire.SshWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The payloads and clear-text packets the attacker crafts, each built field by field as the
 * RFCs lay it out, so that a case can leave out, repeat or stretch any field. Message numbers
 * are those of RFC 4250 §4.1.2.
 */
final class Wire {
    static final int DISCONNECT = 1;
    static final int IGNORE = 2;
    static final int UNIMPLEMENTED = 3;
    static final int DEBUG = 4;
    static final int SERVICE_REQUEST = 5;
    static final int SERVICE_ACCEPT = 6;
    static final int EXT_INFO = 7;
    static final int KEXINIT = 20;
    static final int NEWKEYS = 21;
    static final int KEX_ECDH_INIT = 30;
    static final int KEX_ECDH_REPLY = 31;
    static final int USERAUTH_REQUEST = 50;
    static final int USERAUTH_FAILURE = 51;
    static final int USERAUTH_SUCCESS = 52;
    static final int USERAUTH_BANNER = 53;
    static final int USERAUTH_PK_OK = 60;
    static final int USERAUTH_INFO_REQUEST = 60;
    static final int USERAUTH_INFO_RESPONSE = 61;
    static final int GLOBAL_REQUEST = 80;
    static final int REQUEST_SUCCESS = 81;
    static final int REQUEST_FAILURE = 82;
    static final int CHANNEL_OPEN = 90;
    static final int CHANNEL_OPEN_CONFIRMATION = 91;
    static final int CHANNEL_OPEN_FAILURE = 92;
    static final int CHANNEL_WINDOW_ADJUST = 93;
    static final int CHANNEL_DATA = 94;
    static final int CHANNEL_EXTENDED_DATA = 95;
    static final int CHANNEL_EOF = 96;
    static final int CHANNEL_CLOSE = 97;
    static final int CHANNEL_REQUEST = 98;
    static final int CHANNEL_SUCCESS = 99;
    static final int CHANNEL_FAILURE = 100;

    static final String USERAUTH = "ssh-userauth";
    static final String CONNECTION = "ssh-connection";

    private Wire() {
    }

    /** A message of this number whose body is {@code body} as it is. */
    static byte[] message(int number, byte[] body) {
        return new SshWriter(body.length + 1).writeByte(number).writeRaw(body).toByteArray();
    }

    /** A message of this number followed by these bytes. */
    static byte[] message(int number, int... bytes) {
        SshWriter w = new SshWriter(bytes.length + 1).writeByte(number);
        for (int b : bytes) {
            w.writeByte(b);
        }
        return w.toByteArray();
    }

    /**
     * A clear-text binary packet (RFC 4253 §6) with the given {@code packet_length} and
     * {@code padding_length}, however wrong, filled with zeros; just the length field when
     * it claims less than the padding byte.
     */
    static byte[] clearPacket(int packetLength, int paddingLength) {
        if (packetLength < 1) {
            return new SshWriter(4).writeUint32(packetLength).toByteArray();
        }
        byte[] packet = new byte[4 + packetLength];
        SshWriter.putUint32At(packet, 0, packetLength);
        packet[4] = (byte) paddingLength;
        return packet;
    }

    /** A payload framed as a clear-text packet (RFC 4253 §6): padded to 8 bytes, with at least 4 of padding. */
    static byte[] frame(byte[] payload) {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        byte[] packet = clearPacket(1 + payload.length + padding, padding);
        System.arraycopy(payload, 0, packet, 5, payload.length);
        return packet;
    }

    /** {@code length} bytes of {@code b}. */
    static byte[] bytes(int length, int b) {
        byte[] a = new byte[length];
        Arrays.fill(a, (byte) b);
        return a;
    }

    /** An identification line (RFC 4253 §4.2), CR LF added. */
    static byte[] line(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- transport (RFC 4253 §11, RFC 8308)

    static byte[] ignore(byte[] data) {
        return new SshWriter(data.length + 5).writeByte(IGNORE).writeString(data).toByteArray();
    }

    static byte[] debug(String text) {
        return new SshWriter().writeByte(DEBUG).writeBoolean(false).writeUtf8(text).writeUtf8("").toByteArray();
    }

    static byte[] disconnect(int reason, String text) {
        return new SshWriter().writeByte(DISCONNECT).writeUint32(reason).writeUtf8(text).writeUtf8("").toByteArray();
    }

    static byte[] unimplemented(int sequenceNumber) {
        return new SshWriter(5).writeByte(UNIMPLEMENTED).writeUint32(sequenceNumber).toByteArray();
    }

    /** SSH_MSG_EXT_INFO listing {@code count} made-up extensions. */
    static byte[] extInfo(int count) {
        SshWriter w = new SshWriter().writeByte(EXT_INFO).writeUint32(count);
        for (int i = 0; i < count; i++) {
            w.writeUtf8("x-" + i + "@keyway.dev").writeString(new byte[0]);
        }
        return w.toByteArray();
    }

    static byte[] ecdhInit(byte[] publicValue) {
        return new SshWriter().writeByte(KEX_ECDH_INIT).writeString(publicValue).toByteArray();
    }

    /**
     * A KEXINIT whose ten name-lists (RFC 4253 §7.1) are the given strings as they are, not
     * checked as {@link SshWriter#writeNameList} would.
     */
    static byte[] kexInit(String... lists) {
        if (lists.length != 10) {
            throw new IllegalArgumentException("a KEXINIT has ten name-lists");
        }
        SshWriter w = new SshWriter().writeByte(KEXINIT).writeRaw(new byte[16]);
        for (String list : lists) {
            w.writeString(list.getBytes(StandardCharsets.ISO_8859_1));
        }
        return w.writeBoolean(false).writeUint32(0).toByteArray();
    }

    /** {@code count} names of {@code length} characters each, joined with commas. */
    static String names(int count, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String n = "n" + i + "@keyway.dev";
            b.append(i == 0 ? "" : ",").append(n).append("x".repeat(Math.max(0, length - n.length())));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- user authentication (RFC 4252)

    static byte[] serviceRequest(String service) {
        return new SshWriter().writeByte(SERVICE_REQUEST).writeUtf8(service).toByteArray();
    }

    /** SSH_MSG_USERAUTH_REQUEST with the method's fields as they are. */
    static byte[] userAuth(String user, String service, String method, byte[] fields) {
        return new SshWriter().writeByte(USERAUTH_REQUEST).writeUtf8(user).writeUtf8(service).writeUtf8(method)
                .writeRaw(fields).toByteArray();
    }

    static byte[] password(String user, String password) {
        return userAuth(user, CONNECTION, "password",
                new SshWriter().writeBoolean(false).writeUtf8(password).toByteArray());
    }

    static byte[] none(String user) {
        return userAuth(user, CONNECTION, "none", new byte[0]);
    }

    /** A keyboard-interactive request (RFC 4256 §3.1): empty language tag and submethods. */
    static byte[] keyboardInteractive(String user) {
        return userAuth(user, CONNECTION, "keyboard-interactive",
                new SshWriter().writeUtf8("").writeUtf8("").toByteArray());
    }

    static byte[] infoResponse(String... answers) {
        SshWriter w = new SshWriter().writeByte(USERAUTH_INFO_RESPONSE).writeUint32(answers.length);
        for (String a : answers) {
            w.writeUtf8(a);
        }
        return w.toByteArray();
    }

    // ---------------------------------------------------------------- connection (RFC 4254)

    static byte[] globalRequest(String name, boolean wantReply) {
        return new SshWriter().writeByte(GLOBAL_REQUEST).writeUtf8(name).writeBoolean(wantReply).toByteArray();
    }

    static byte[] channelOpen(String type, int sender, long window, long maxPacket) {
        return new SshWriter().writeByte(CHANNEL_OPEN).writeUtf8(type).writeUint32(sender).writeUint32(window)
                .writeUint32(maxPacket).toByteArray();
    }

    static byte[] data(int recipient, int length) {
        return new SshWriter(length + 9).writeByte(CHANNEL_DATA).writeUint32(recipient)
                .writeString(new byte[length]).toByteArray();
    }

    static byte[] extendedData(int recipient, int dataType, int length) {
        return new SshWriter(length + 13).writeByte(CHANNEL_EXTENDED_DATA).writeUint32(recipient)
                .writeUint32(dataType).writeString(new byte[length]).toByteArray();
    }

    static byte[] windowAdjust(int recipient, long bytes) {
        return new SshWriter().writeByte(CHANNEL_WINDOW_ADJUST).writeUint32(recipient).writeUint32(bytes)
                .toByteArray();
    }

    /** A message that names only its channel: EOF, CLOSE, SUCCESS, FAILURE. */
    static byte[] onChannel(int number, int recipient) {
        return new SshWriter(5).writeByte(number).writeUint32(recipient).toByteArray();
    }

    /** SSH_MSG_CHANNEL_REQUEST with its type-specific data as they are. */
    static byte[] channelRequest(int recipient, String type, boolean wantReply, byte[] data) {
        return new SshWriter().writeByte(CHANNEL_REQUEST).writeUint32(recipient).writeUtf8(type)
                .writeBoolean(wantReply).writeRaw(data).toByteArray();
    }

    static byte[] env(int recipient, String name, String value, boolean wantReply) {
        return channelRequest(recipient, "env", wantReply, new SshWriter().writeUtf8(name).writeUtf8(value).toByteArray());
    }

    static byte[] exec(int recipient, String command) {
        return channelRequest(recipient, "exec", true, new SshWriter().writeUtf8(command).toByteArray());
    }

    /** A pty-req (RFC 4254 §6.2) for an 80x24 xterm with {@code modes} as its encoded modes (§8). */
    static byte[] ptyRequest(int recipient, byte[] modes) {
        return channelRequest(recipient, "pty-req", true, new SshWriter().writeUtf8("xterm").writeUint32(80)
                .writeUint32(24).writeUint32(0).writeUint32(0).writeString(modes).toByteArray());
    }

    /** Terminal modes (RFC 4254 §8) of {@code bytes} bytes: ECHO set again and again, then TTY_OP_END. */
    static byte[] modes(int bytes) {
        SshWriter w = new SshWriter(bytes);
        for (int i = 0; i < (bytes - 1) / 5; i++) {
            w.writeByte(53).writeUint32(1);
        }
        return w.writeRaw(new byte[bytes - w.size()]).toByteArray();
    }
}
