package dev.keyway.userauth.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The embedder's credentials or authenticators, one instance per interface, looked up by
 * that interface (ClientAuthContext.credential, ServerAuthContext.authenticator). Its
 * {@link #toString()} names the types only, never the instances, which may hold secrets.
 */
public final class TypedInstances {
    private final Map<Class<?>, Object> byType;

    private TypedInstances(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static TypedInstances of(Map<Class<?>, Object> byType) {
        for (Map.Entry<Class<?>, Object> e : byType.entrySet()) {
            e.getKey().cast(e.getValue());
        }
        return new TypedInstances(new LinkedHashMap<>(byType));
    }

    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(byType.get(type)));
    }

    @Override
    public String toString() {
        return "TypedInstances" + byType.keySet();
    }
}
