package dev.keyway.api.auth;

import dev.keyway.api.AlgorithmRegistry;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * What a client half of a method can know: the names being authenticated, the session
 * identifier that signatures cover (RFC 4252 §7), the algorithms, and the credentials the
 * embedder supplied, looked up by type (a password source, key pairs, a prompter).
 */
public interface ClientAuthContext {
    String userName();

    String serviceName();

    byte[] sessionId();

    AlgorithmRegistry registry();

    /** The server's {@code server-sig-algs} (RFC 8308 §3.1), empty if it sent none. */
    List<String> serverSignatureAlgorithms();

    /** Randomness for signatures that need it (ECDSA); passed in, as the engine holds none. */
    SecureRandom random();

    /** A credential of the given type, if the embedder supplied one. */
    <T> Optional<T> credential(Class<T> type);
}
