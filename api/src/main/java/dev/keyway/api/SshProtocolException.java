package dev.keyway.api;

import java.util.Objects;

/**
 * Something the peer sent (or failed to send) breaks the protocol. It always carries the
 * RFC 4253 §11.1 reason code that the engine puts in the SSH_MSG_DISCONNECT it sends.
 * The message is meant for the local log and for the peer's disconnect description, so it
 * must never contain key material.
 */
public class SshProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DisconnectReason reason;

    public SshProtocolException(DisconnectReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SshProtocolException(DisconnectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The disconnect reason this error maps to. */
    public DisconnectReason reason() {
        return reason;
    }
}
