package dev.keyway.api.auth;

import java.util.Optional;

/**
 * Where the client gets a password for {@code password} authentication (RFC 4252 §8): a
 * stored secret or a prompt. It is asked once per attempt, so a prompt can let the user try
 * again after a FAILURE; an empty answer ends the method.
 *
 * <p>The returned array is wiped by the caller once it is encoded; return a copy of a stored
 * password.
 */
@FunctionalInterface
public interface PasswordSource {

    /**
     * The password for attempt number {@code attempt} (1 for the first), or empty to stop
     * trying passwords.
     */
    Optional<char[]> password(String userName, int attempt);

    /** A source that offers a copy of this password once. */
    static PasswordSource once(char[] password) {
        char[] stored = password.clone();
        return (user, attempt) -> attempt == 1 ? Optional.of(stored.clone()) : Optional.empty();
    }
}
