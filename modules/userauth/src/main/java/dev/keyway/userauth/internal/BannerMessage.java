package dev.keyway.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;

/** SSH_MSG_USERAUTH_BANNER (RFC 4252 §5.4): {@code byte 53, string message, string language tag}. */
public record BannerMessage(String message, String language) {

    public static BannerMessage decode(byte[] buf, int off, int len) throws SshProtocolException {
        SshReader r = new SshReader(buf, off, len);
        if (r.readByte() != MessageNumbers.USERAUTH_BANNER) {
            throw new WireFormatException("not SSH_MSG_USERAUTH_BANNER");
        }
        BannerMessage m = new BannerMessage(r.readUtf8(), r.readUtf8());
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new SshWriter(message.length() + 16).writeByte(MessageNumbers.USERAUTH_BANNER)
                .writeUtf8(message).writeUtf8(language).toByteArray();
    }
}
