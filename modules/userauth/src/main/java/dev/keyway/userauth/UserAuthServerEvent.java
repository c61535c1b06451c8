package dev.keyway.userauth;

import dev.keyway.api.auth.LoginRestrictions;
import java.util.List;

/**
 * What the server engine reports to its owner. None of them says why an attempt failed, for
 * the same reason SSH_MSG_USERAUTH_FAILURE does not (RFC 4252 §5.1).
 */
public sealed interface UserAuthServerEvent {

    /**
     * The user is authenticated and SSH_MSG_USERAUTH_SUCCESS is sent (RFC 4252 §5.1); the
     * owner now starts the service.
     *
     * @param user the authenticated user name
     * @param methods the methods that succeeded, in order (more than one after partial success)
     * @param restrictions what the login may do, from every method that succeeded
     * @param credential what the last method checked, for the log (a key's type and
     *        fingerprint), never a secret; may be empty
     */
    record Authenticated(String user, List<String> methods, LoginRestrictions restrictions, String credential)
            implements UserAuthServerEvent {
        public Authenticated {
            methods = List.copyOf(methods);
        }
    }

    /**
     * A method succeeded but more are required (RFC 4252 §5.1 partial success).
     *
     * @param methods the methods that succeeded so far, in order
     */
    record PartialSuccess(String user, List<String> methods, String credential) implements UserAuthServerEvent {
        public PartialSuccess {
            methods = List.copyOf(methods);
        }
    }

    /**
     * An attempt failed and counted against the limit; for the local log, not the peer.
     *
     * @param credential what was tried (a key's type and fingerprint), never a secret; may be empty
     */
    record AttemptFailed(String user, String method, String credential) implements UserAuthServerEvent {
    }
}
