package dev.keyway.api.auth;

import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The server's check that a public key may log in as a user (RFC 4252 §7), implemented by the
 * embedder, typically from an {@code authorized_keys} file. The signature is checked by the
 * core whatever this answers; this only says whether the key belongs to the user, and with
 * what restrictions.
 *
 * <p>The server calls it on a thread of its authentication pool, never on the network
 * thread, so it may block (a directory lookup); it must be thread-safe.
 */
@FunctionalInterface
public interface PublicKeyAuthenticator {

    /** Whether {@code key} may authenticate {@code userName}. */
    boolean isAuthorized(String userName, PublicKey key);

    /**
     * Decides with what the server knows of the connection: returns what the login may do, or
     * empty to refuse. An implementation whose keys carry restrictions (such as an
     * {@code authorized_keys} line with {@code from=} or {@code command=}) overrides this; the
     * default asks {@link #isAuthorized} and restricts nothing.
     *
     * @param client the client's address, or null when the engine runs without a socket
     */
    default Optional<LoginRestrictions> authorize(String userName, PublicKey key, InetSocketAddress client) {
        return isAuthorized(userName, key) ? Optional.of(LoginRestrictions.NONE) : Optional.empty();
    }
}
