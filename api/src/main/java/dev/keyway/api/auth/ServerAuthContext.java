package dev.keyway.api.auth;

import dev.keyway.api.AlgorithmRegistry;
import java.util.Optional;

/**
 * What a server half of a method can know: the names in the request, the session identifier
 * (to check publickey signatures, RFC 4252 §7), the algorithms, and the embedder's checks,
 * looked up by type (a password check, a public key check, ...).
 */
public interface ServerAuthContext {
    String userName();

    String serviceName();

    byte[] sessionId();

    AlgorithmRegistry registry();

    /** An authenticator of the given type, if the embedder configured one. */
    <T> Optional<T> authenticator(Class<T> type);
}
