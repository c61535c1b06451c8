package dev.keyway.api.auth;

import java.security.PublicKey;

/**
 * The server's check that a public key may log in as a user (RFC 4252 §7), implemented by the
 * embedder, typically from an {@code authorized_keys} file. The signature is checked by the
 * core whatever this answers; this only says whether the key belongs to the user.
 */
@FunctionalInterface
public interface PublicKeyAuthenticator {

    /** Whether {@code key} may authenticate {@code userName}. */
    boolean isAuthorized(String userName, PublicKey key);
}
