package dev.keyway.connection;

import dev.keyway.connection.internal.MessageDescriptions;

/** Connection-protocol messages (RFC 4254 §9) as a trace shows them. */
public final class ConnectionMessages {
    private ConnectionMessages() {
    }

    /**
     * One line naming the message and its fields, e.g. {@code SSH_MSG_CHANNEL_REQUEST channel
     * 0 "exec" "echo hello", reply wanted}; a data message shows only its first bytes. A
     * malformed payload is described as such, never thrown.
     */
    public static String describe(byte[] payload) {
        return MessageDescriptions.describe(payload);
    }
}
