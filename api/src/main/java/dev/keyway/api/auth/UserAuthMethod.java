package dev.keyway.api.auth;

/**
 * A user authentication method of RFC 4252 §5 ({@code password}, {@code publickey},
 * {@code keyboard-interactive}, ...) as a plugin: a name and its two halves. The user
 * authentication protocol (SSH_MSG_USERAUTH_REQUEST, FAILURE with partial success, SUCCESS,
 * BANNER, attempt limits) lives once in the core; a method only fills in its own fields and
 * handles its own messages (numbers 60 to 79, RFC 4250 §4.1.2).
 */
public interface UserAuthMethod {

    /** The method name sent in SSH_MSG_USERAUTH_REQUEST. */
    String name();

    /**
     * Starts the client half for one authentication, or returns null when the client holds no
     * credential for this method (no key, no password source).
     */
    ClientAuthExchange startClient(ClientAuthContext context);

    /** Starts the server half for one request of this method. */
    ServerAuthExchange startServer(ServerAuthContext context);
}
