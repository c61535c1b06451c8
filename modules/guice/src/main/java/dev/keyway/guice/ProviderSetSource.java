package dev.keyway.guice;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.spi.AlgorithmProvider;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * The algorithms of the {@code Multibinder<AlgorithmProvider>} set: each connection asks the
 * injector for the set again and gets a registry of what it holds then.
 *
 * <p>Which elements the set has is fixed when the injector is created. What can differ from
 * one connection to the next is the instance behind an element: an unscoped binding
 * ({@code addBinding().to(MyProvider.class)}) or a {@code toProvider} binding gives a new one
 * each time, so its provider may answer differently. Singletons and instances
 * ({@code toInstance}, the providers {@link KeywayModule} finds) give the same objects, and
 * then the last registry is handed out again: building one asks every algorithm whether it is
 * supported, which may look up JCA engines. The server asks off its network thread, so an
 * unscoped provider's constructor, the application's code, never runs on it.
 */
@Singleton
final class ProviderSetSource implements AlgorithmSource {
    private final Provider<Set<AlgorithmProvider>> providers;
    private final ProviderPreference preference;
    private volatile Snapshot last;

    private record Snapshot(List<AlgorithmProvider> providers, AlgorithmRegistry registry) {
    }

    @Inject
    ProviderSetSource(Provider<Set<AlgorithmProvider>> providers, ProviderPreference preference) {
        this.providers = providers;
        this.preference = preference;
    }

    @Override
    public AlgorithmRegistry snapshot() {
        List<AlgorithmProvider> now = List.copyOf(providers.get());
        Snapshot s = last;
        if (s == null || !s.providers().equals(now)) {
            s = new Snapshot(now, AlgorithmRegistry.builder().addAll(now)
                    .preferProviders(preference.providerNames().toArray(String[]::new)).build());
            last = s;
        }
        return s.registry();
    }
}
