package dev.keyway.osgi;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.osgi.internal.ProviderServices;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The algorithms of the {@link AlgorithmProvider} services registered in the framework now: a
 * Declarative Services component (OSGi Compendium 112) with a dynamic reference to every such
 * service, registered as an {@link AlgorithmSource} with the property {@code keyway.source=osgi}.
 *
 * <p>Each time a provider service comes, goes or changes its properties, the component builds a
 * new immutable {@link AlgorithmRegistry}, before the framework's call that caused it returns
 * (a bundle's {@code start} or {@code stop}); {@link #snapshot()} only reads it, so a connection
 * waits for nothing. A session keeps the
 * snapshot it started with: stopping a bundle changes what later connections are offered, never a
 * running session, whose classes stay loaded until the bundle is refreshed.
 *
 * <p>Rank, when two providers offer one name: a provider service's {@code service.ranking}
 * (an {@code Integer}, OSGi Core 5.2.5) stands in for the provider's own
 * {@link AlgorithmProvider#priority()} when it has one; the higher rank wins; at equal rank the
 * provider names decide (as in {@link AlgorithmRegistry.Builder}), then the older service (the
 * lower {@code service.id}), as the framework orders service references.
 */
@Component(service = AlgorithmSource.class, property = "keyway.source=osgi")
public final class OsgiAlgorithmSource implements AlgorithmSource {
    private final ProviderServices providers = new ProviderServices();

    @Reference(name = "providers", service = AlgorithmProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updateProvider", unbind = "removeProvider")
    void addProvider(AlgorithmProvider provider, Map<String, Object> properties) {
        providers.put(provider, properties);
    }

    void updateProvider(AlgorithmProvider provider, Map<String, Object> properties) {
        providers.put(provider, properties);
    }

    void removeProvider(AlgorithmProvider provider, Map<String, Object> properties) {
        providers.remove(properties);
    }

    @Override
    public AlgorithmRegistry snapshot() {
        return providers.snapshot();
    }
}
