package dev.keyway.ssh;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.WireFormatException;
import dev.keyway.connection.ConnectionMessages;
import dev.keyway.userauth.UserAuthMessages;

/**
 * Names the messages a {@link MessageObserver} sees, one line each, without secrets. Keeps
 * what it needs to tell apart the method-specific user-authentication messages (RFC 4252
 * §6): use one per session and give it all that session's messages in order.
 */
public final class SessionMessages {
    private static final int SERVICE_REQUEST = 5;
    private static final int SERVICE_ACCEPT = 6;
    /** RFC 4250 §4.1.2: 50 to 79 are user authentication, 80 to 127 the connection protocol. */
    private static final int FIRST_USERAUTH = 50;
    private static final int FIRST_CONNECTION = 80;

    private final UserAuthMessages userAuth = new UserAuthMessages();

    /** One line naming the message and its fields. */
    public String describe(byte[] payload) {
        if (payload.length == 0) {
            return "empty message";
        }
        int type = payload[0] & 0xff;
        if (type == SERVICE_REQUEST || type == SERVICE_ACCEPT) {
            return (type == SERVICE_REQUEST ? "SSH_MSG_SERVICE_REQUEST \"" : "SSH_MSG_SERVICE_ACCEPT \"")
                    + serviceName(payload) + "\" (RFC 4253 §10)";
        }
        return type >= FIRST_CONNECTION ? ConnectionMessages.describe(payload)
                : type >= FIRST_USERAUTH ? userAuth.describe(payload) : "message " + type;
    }

    private static String serviceName(byte[] payload) {
        try {
            return new SshReader(payload, 1, payload.length - 1).readUtf8();
        } catch (WireFormatException e) {
            return "(malformed)";
        }
    }
}
