package dev.keyway.connection;

/** The reason codes of SSH_MSG_CHANNEL_OPEN_FAILURE (RFC 4254 §5.1). */
public enum OpenFailureReason {
    ADMINISTRATIVELY_PROHIBITED(1),
    CONNECT_FAILED(2),
    UNKNOWN_CHANNEL_TYPE(3),
    RESOURCE_SHORTAGE(4);

    private final int code;

    OpenFailureReason(int code) {
        this.code = code;
    }

    /** The uint32 sent on the wire. */
    public int code() {
        return code;
    }
}
