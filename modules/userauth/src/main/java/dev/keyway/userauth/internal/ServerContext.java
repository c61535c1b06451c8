package dev.keyway.userauth.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ServerAuthContext;
import java.util.Optional;

/** What a server method half sees of one request (RFC 4252 §5). */
public record ServerContext(String userName, String serviceName, byte[] sessionId, AlgorithmRegistry registry,
        TypedInstances authenticators) implements ServerAuthContext {

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public <T> Optional<T> authenticator(Class<T> type) {
        return authenticators.get(type);
    }
}
