package dev.keyway.osgi.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.spi.AlgorithmProvider;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.osgi.framework.Constants;

/**
 * The {@link AlgorithmProvider} services a component is bound to, and the registry they make,
 * built again on every change so that {@link #snapshot()} is a field read. Thread-safe: the
 * framework may bind and unbind from several threads at once.
 *
 * <p>The rank rule is {@code dev.keyway.osgi.OsgiAlgorithmSource}'s: an {@code Integer}
 * {@code service.ranking} replaces the provider's priority; ties go by provider name, then to the
 * lower {@code service.id}, since the registry's sort is stable and the providers enter it in
 * {@code service.id} order.
 */
public final class ProviderServices implements AlgorithmSource {
    private final SortedMap<Long, AlgorithmProvider> byServiceId = new TreeMap<>();
    private volatile AlgorithmRegistry registry = AlgorithmRegistry.builder().build();

    /** Adds a provider service, or takes its new properties (a new {@code service.ranking}). */
    public synchronized void put(AlgorithmProvider provider, Map<String, ?> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        byServiceId.put(serviceId(properties),
                ranking instanceof Integer rank ? new RankedProvider(provider, rank) : provider);
        rebuild();
    }

    /** Forgets a provider service that went away. */
    public synchronized void remove(Map<String, ?> properties) {
        if (byServiceId.remove(serviceId(properties)) != null) {
            rebuild();
        }
    }

    @Override
    public AlgorithmRegistry snapshot() {
        return registry;
    }

    private void rebuild() {
        registry = AlgorithmRegistry.builder().addAll(byServiceId.values()).build();
    }

    private static long serviceId(Map<String, ?> properties) {
        if (properties.get(Constants.SERVICE_ID) instanceof Long id) {
            return id;
        }
        throw new IllegalArgumentException("a service's properties hold its Long service.id");
    }
}
