package dev.keyway.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;
import java.util.List;

/**
 * SSH_MSG_USERAUTH_FAILURE (RFC 4252 §5.1): {@code byte 51, name-list authentications that
 * can continue, boolean partial success}. It is all a client learns from a failed attempt.
 */
public record FailureMessage(List<String> canContinue, boolean partialSuccess) {

    public FailureMessage {
        canContinue = List.copyOf(canContinue);
    }

    public static FailureMessage decode(byte[] buf, int off, int len) throws SshProtocolException {
        SshReader r = new SshReader(buf, off, len);
        if (r.readByte() != MessageNumbers.USERAUTH_FAILURE) {
            throw new WireFormatException("not SSH_MSG_USERAUTH_FAILURE");
        }
        FailureMessage m = new FailureMessage(r.readNameList(), r.readBoolean());
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new SshWriter(64).writeByte(MessageNumbers.USERAUTH_FAILURE)
                .writeNameList(canContinue).writeBoolean(partialSuccess).toByteArray();
    }
}
