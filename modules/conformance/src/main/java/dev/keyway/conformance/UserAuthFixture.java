package dev.keyway.conformance;

import java.util.Map;
import java.util.Objects;

/**
 * What a method's conformance test supplies: a user the server knows, the client credentials
 * that authenticate them (looked up by type, as {@code ClientAuthContext.credential} does),
 * the server's authenticators (as {@code ServerAuthContext.authenticator}), and, for a method
 * with a secret, credentials that must be refused. The authenticators must know no other user
 * than {@link #user()}; the suite also logs in as {@link #unknownUser()}.
 *
 * @param wrongCredentials null for a method without a secret, such as {@code none}
 */
public record UserAuthFixture(String user, Map<Class<?>, Object> credentials,
        Map<Class<?>, Object> wrongCredentials, Map<Class<?>, Object> authenticators) {

    public UserAuthFixture {
        Objects.requireNonNull(user, "user");
        credentials = Map.copyOf(credentials);
        wrongCredentials = wrongCredentials == null ? null : Map.copyOf(wrongCredentials);
        authenticators = Map.copyOf(authenticators);
    }

    /** A method with a secret: the right and a wrong credential. */
    public static UserAuthFixture withSecret(String user, Map<Class<?>, Object> credentials,
            Map<Class<?>, Object> wrongCredentials, Map<Class<?>, Object> authenticators) {
        return new UserAuthFixture(user, credentials, Objects.requireNonNull(wrongCredentials), authenticators);
    }

    /** A method without a secret ({@code none}): nothing can be wrong but the fields. */
    public static UserAuthFixture withoutSecret(String user, Map<Class<?>, Object> credentials,
            Map<Class<?>, Object> authenticators) {
        return new UserAuthFixture(user, credentials, null, authenticators);
    }

    public boolean hasSecret() {
        return wrongCredentials != null;
    }

    /** A user name the authenticators do not know. */
    public String unknownUser() {
        return user + "-nobody";
    }
}
