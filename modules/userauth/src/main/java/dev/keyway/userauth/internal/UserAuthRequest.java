package dev.keyway.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;

/**
 * SSH_MSG_USERAUTH_REQUEST (RFC 4252 §5): {@code byte 50, string user name, string service
 * name, string method name}, then the method's own fields, which only the method parses.
 * The fields may hold a password, so {@link #toString()} leaves them out.
 */
public record UserAuthRequest(String user, String service, String method, byte[] fields) {

    public static UserAuthRequest decode(byte[] buf, int off, int len) throws SshProtocolException {
        SshReader r = new SshReader(buf, off, len);
        if (r.readByte() != MessageNumbers.USERAUTH_REQUEST) {
            throw new WireFormatException("not SSH_MSG_USERAUTH_REQUEST");
        }
        String user = r.readUtf8();
        String service = r.readUtf8();
        String method = r.readUtf8();
        return new UserAuthRequest(user, service, method, r.readRemaining());
    }

    /** The message; the writer that assembled it, and so the fields, is wiped. */
    public byte[] encode() {
        SshWriter w = new SshWriter(fields.length + 64).writeByte(MessageNumbers.USERAUTH_REQUEST)
                .writeUtf8(user).writeUtf8(service).writeUtf8(method).writeRaw(fields);
        byte[] message = w.toByteArray();
        w.wipe();
        return message;
    }

    @Override
    public String toString() {
        return "UserAuthRequest[" + user + ", " + service + ", " + method + "]";
    }
}
