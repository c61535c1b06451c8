package dev.keyway.userauth.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ClientAuthContext;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/** What a client method half sees (RFC 4252 §5, server-sig-algs of RFC 8308 §3.1). */
public record ClientContext(String userName, String serviceName, byte[] sessionId, AlgorithmRegistry registry,
        List<String> serverSignatureAlgorithms, SecureRandom random, TypedInstances credentials)
        implements ClientAuthContext {

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public <T> Optional<T> credential(Class<T> type) {
        return credentials.get(type);
    }

    @Override
    public String toString() {
        return "ClientContext[" + userName + ", " + serviceName + ", " + credentials + "]";
    }
}
