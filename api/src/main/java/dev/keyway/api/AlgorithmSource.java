package dev.keyway.api;

import dev.keyway.api.spi.AlgorithmProvider;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Where a server or a client gets its algorithms: asked once as each connection starts, and
 * the session keeps the {@link AlgorithmRegistry} snapshot it got to its end, re-keys included.
 * A source whose providers change (an OSGi service tracker, a Guice multibinder set) hands
 * later connections a new snapshot; running sessions never see the change.
 *
 * <p>Sources: {@link #fixed}, {@link #serviceLoader(ModuleLayer)} /
 * {@link #serviceLoader(ClassLoader)} here; an OSGi tracker in {@code dev.keyway.osgi}; the
 * Guice multibinder in {@code dev.keyway.guice}. A server asks on a thread of its own, never
 * its network thread, so a source may take its time (build a registry, ask a container); the
 * connections that arrive meanwhile wait for it and then share the snapshot it returns.
 */
@FunctionalInterface
public interface AlgorithmSource {

    /** The algorithms for a connection that starts now; never null. */
    AlgorithmRegistry snapshot();

    /** Always the same registry. */
    static AlgorithmSource fixed(AlgorithmRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return () -> registry;
    }

    /**
     * The providers {@link ServiceLoader} finds through a module layer's {@code provides}
     * clauses, looked up once: a layer's modules do not change.
     */
    static AlgorithmSource serviceLoader(ModuleLayer layer) {
        return fixed(AlgorithmRegistry.builder()
                .addAll(ServiceLoader.load(layer, AlgorithmProvider.class)).build());
    }

    /**
     * The providers {@link ServiceLoader} finds through a class loader (module path or
     * {@code META-INF/services} on the class path), looked up once.
     */
    static AlgorithmSource serviceLoader(ClassLoader loader) {
        return fixed(AlgorithmRegistry.builder()
                .addAll(ServiceLoader.load(AlgorithmProvider.class, loader)).build());
    }
}
