package dev.keyway.userauth.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ServerAuthContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** What a server method half sees of one request (RFC 4252 §5). */
public record ServerContext(String userName, String serviceName, byte[] sessionId, AlgorithmRegistry registry,
        InetSocketAddress client, List<String> publicKeyAlgorithms, TypedInstances authenticators,
        Executor checks) implements ServerAuthContext {

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public Optional<InetSocketAddress> clientAddress() {
        return Optional.ofNullable(client);
    }

    @Override
    public <T> Optional<T> authenticator(Class<T> type) {
        return authenticators.get(type);
    }

    @Override
    public <T> CompletionStage<T> offload(Supplier<T> check) {
        try {
            return CompletableFuture.supplyAsync(check, checks);
        } catch (java.util.concurrent.RejectedExecutionException full) {
            return CompletableFuture.failedFuture(full);
        }
    }
}
