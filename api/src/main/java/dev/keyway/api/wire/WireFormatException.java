package dev.keyway.api.wire;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;

/** A message does not follow the encoding rules of RFC 4251 §5. */
public final class WireFormatException extends SshProtocolException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(DisconnectReason.PROTOCOL_ERROR, message);
    }
}
