package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ServerAuthContext;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two contexts a method's halves see (RFC 4252 §5), made of fixed values, so that the
 * kit drives a method without the user authentication engine.
 */
final class AuthContexts {
    private static final String SERVICE = "ssh-connection";

    private AuthContexts() {
    }

    static ClientAuthContext client(String user, byte[] sessionId, AlgorithmRegistry registry, SecureRandom random,
            Map<Class<?>, Object> credentials) {
        return new Client(user, sessionId, registry, random, credentials);
    }

    static ServerAuthContext server(String user, byte[] sessionId, AlgorithmRegistry registry,
            Map<Class<?>, Object> authenticators) {
        return new Server(user, sessionId, registry, authenticators);
    }

    private record Client(String userName, byte[] id, AlgorithmRegistry registry, SecureRandom random,
            Map<Class<?>, Object> credentials) implements ClientAuthContext {
        @Override
        public String serviceName() {
            return SERVICE;
        }

        @Override
        public byte[] sessionId() {
            return id.clone();
        }

        @Override
        public List<String> serverSignatureAlgorithms() {
            return List.of();
        }

        @Override
        public <T> Optional<T> credential(Class<T> type) {
            return Optional.ofNullable(type.cast(credentials.get(type)));
        }
    }

    private record Server(String userName, byte[] id, AlgorithmRegistry registry,
            Map<Class<?>, Object> authenticators) implements ServerAuthContext {
        @Override
        public String serviceName() {
            return SERVICE;
        }

        @Override
        public byte[] sessionId() {
            return id.clone();
        }

        @Override
        public <T> Optional<T> authenticator(Class<T> type) {
            return Optional.ofNullable(type.cast(authenticators.get(type)));
        }
    }
}
