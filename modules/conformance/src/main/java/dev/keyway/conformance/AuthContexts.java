package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ServerAuthContext;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a method's halves see of one authentication (RFC 4252 §5), made of fixed values, so
 * that the kit drives a method without the user authentication engine. One record serves both
 * sides: the map holds the client's credentials or the server's authenticators, by type.
 */
record AuthContexts(String userName, byte[] id, AlgorithmRegistry registry, SecureRandom random,
        Map<Class<?>, Object> byType) implements ClientAuthContext, ServerAuthContext {
    private static final String SERVICE = "ssh-connection";

    static ClientAuthContext client(String user, byte[] sessionId, AlgorithmRegistry registry, SecureRandom random,
            Map<Class<?>, Object> credentials) {
        return new AuthContexts(user, sessionId, registry, random, credentials);
    }

    static ServerAuthContext server(String user, byte[] sessionId, AlgorithmRegistry registry,
            Map<Class<?>, Object> authenticators) {
        return new AuthContexts(user, sessionId, registry, null, authenticators);
    }

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
        return Optional.ofNullable(type.cast(byType.get(type)));
    }

    @Override
    public <T> Optional<T> authenticator(Class<T> type) {
        return credential(type);
    }
}
