package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.AlgorithmCategory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

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

    @Override
    public Optional<InetSocketAddress> clientAddress() {
        return Optional.empty();
    }

    @Override
    public List<String> publicKeyAlgorithms() {
        return registry.names(AlgorithmCategory.HOST_KEY);
    }

    /** On another thread, as a server's pool runs it: a method must not rely on the caller's. */
    @Override
    public <T> CompletionStage<T> offload(Supplier<T> check) {
        return CompletableFuture.supplyAsync(check);
    }
}
