package dev.keyway.benchmarks;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The providers on the class path, as {@link ServiceLoader} finds them, looked up by name. A
 * benchmark case names its provider so that a score belongs to one provider, never to whichever
 * wins a name in the registry.
 */
final class InstalledProviders {

    private InstalledProviders() {
    }

    static List<AlgorithmProvider> all() {
        return ServiceLoader.load(AlgorithmProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The provider called {@code name}; fails with the installed names, so a typo is reported. */
    static AlgorithmProvider named(String name, Object forCase) {
        return all().stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(forCase + ": no provider '" + name
                        + "'; installed: " + all().stream().map(AlgorithmProvider::name).toList()));
    }

    /** The supported algorithm of this kind and name that {@code p} offers, if any. */
    static <T extends SshAlgorithm> Optional<T> find(AlgorithmProvider p, Class<T> kind, String name) {
        return supported(p, kind).stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Every supported algorithm of this kind that {@code p} offers, in its order. */
    static <T extends SshAlgorithm> List<T> supported(AlgorithmProvider p, Class<T> kind) {
        return p.algorithms().stream()
                .filter(kind::isInstance)
                .filter(SshAlgorithm::isSupported)
                .map(kind::cast)
                .toList();
    }

    static List<String> names(AlgorithmProvider p, Class<? extends SshAlgorithm> kind) {
        return supported(p, kind).stream().map(SshAlgorithm::name).toList();
    }
}
