package dev.keyway.api;

import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.CipherAlgorithm;
import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the algorithms that a set of providers supply, one implementation
 * per name. A session is built from one snapshot and keeps it, so providers that come and go
 * later (an OSGi bundle stopped while the server runs) never change a running session.
 *
 * <p>When two providers offer the same name, the one ranked first wins: by default the higher
 * {@link AlgorithmProvider#priority(AlgorithmCategory)} in the name's category, unless
 * {@link Builder#preferProviders} says otherwise.
 * The registry does not search for providers itself except in {@link #loadDefault()}; it is
 * handed them, whichever way they were found (ServiceLoader, OSGi, Guice).
 */
public final class AlgorithmRegistry {
    private final List<AlgorithmProvider> providers;
    private final Map<AlgorithmCategory, Map<String, Entry>> byCategory;
    private final Map<String, UserAuthMethod> authMethods;

    private record Entry(SshAlgorithm algorithm, AlgorithmProvider provider) {
    }

    private AlgorithmRegistry(List<AlgorithmProvider> providers, Map<AlgorithmCategory, Map<String, Entry>> byCategory,
            Map<String, UserAuthMethod> authMethods) {
        this.providers = providers;
        this.byCategory = byCategory;
        this.authMethods = authMethods;
    }

    private AlgorithmRegistry(List<AlgorithmProvider> providers, List<String> preferred) {
        this.providers = ranked(providers, preferred, AlgorithmProvider::priority);
        Map<AlgorithmCategory, Map<String, Entry>> map = new EnumMap<>(AlgorithmCategory.class);
        for (AlgorithmCategory c : AlgorithmCategory.values()) {
            map.put(c, new LinkedHashMap<>());
        }
        map.get(AlgorithmCategory.COMPRESSION).put("none", new Entry(CompressionAlgorithm.NONE, null));
        // Asked once each: a provider may build its list on every call.
        Map<AlgorithmProvider, List<SshAlgorithm>> offered = new java.util.IdentityHashMap<>();
        this.providers.forEach(p -> offered.put(p, p.algorithms()));
        for (AlgorithmCategory c : AlgorithmCategory.values()) {
            for (AlgorithmProvider p : ranked(providers, preferred, provider -> provider.priority(c))) {
                for (SshAlgorithm a : offered.get(p)) {
                    if (categoryOf(a) == c && a.isSupported()) {
                        map.get(c).putIfAbsent(a.name(), new Entry(a, p));
                    }
                }
            }
        }
        map.replaceAll((c, m) -> Collections.unmodifiableMap(m));
        this.byCategory = Collections.unmodifiableMap(map);
        Map<String, UserAuthMethod> methods = new LinkedHashMap<>();
        for (AlgorithmProvider p : this.providers) {
            for (UserAuthMethod m : p.userAuthMethods()) {
                methods.putIfAbsent(m.name(), m);
            }
        }
        this.authMethods = Collections.unmodifiableMap(methods);
    }

    /** The providers named in {@code preferred} first, in that order; then by priority, higher first; then by name. */
    private static List<AlgorithmProvider> ranked(List<AlgorithmProvider> providers, List<String> preferred,
            java.util.function.ToIntFunction<AlgorithmProvider> priority) {
        List<AlgorithmProvider> ordered = new ArrayList<>(providers);
        Comparator<AlgorithmProvider> byPreference = Comparator.comparingInt(p -> {
            int i = preferred.indexOf(p.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        ordered.sort(byPreference.thenComparing(Comparator.comparingInt(priority).reversed())
                .thenComparing(AlgorithmProvider::name));
        return List.copyOf(ordered);
    }

    /** The category an algorithm is negotiated in. */
    public static AlgorithmCategory categoryOf(SshAlgorithm a) {
        if (a instanceof KeyExchangeAlgorithm) {
            return AlgorithmCategory.KEY_EXCHANGE;
        } else if (a instanceof SignatureAlgorithm) {
            return AlgorithmCategory.HOST_KEY;
        } else if (a instanceof CipherAlgorithm) {
            return AlgorithmCategory.CIPHER;
        } else if (a instanceof MacAlgorithm) {
            return AlgorithmCategory.MAC;
        }
        return AlgorithmCategory.COMPRESSION;
    }

    /**
     * The providers found by {@link java.util.ServiceLoader} on the module or class path: in a named
     * module, every module of the boot layer that {@code provides} the service; on the class
     * path, the {@code META-INF/services} entries this class's loader sees. Inside an OSGi
     * framework this finds nothing; use the OSGi source of {@code dev.keyway.osgi} there.
     */
    public static AlgorithmRegistry loadDefault() {
        return AlgorithmSource.serviceLoader(AlgorithmRegistry.class.getClassLoader()).snapshot();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The providers in rank order. */
    public List<AlgorithmProvider> providers() {
        return providers;
    }

    /** Supported names of a category, in the order providers list them, providers in rank order. */
    public List<String> names(AlgorithmCategory category) {
        return List.copyOf(byCategory.get(category).keySet());
    }

    /** The algorithm that serves a name in a category, if any provider supplies it. */
    public Optional<SshAlgorithm> find(AlgorithmCategory category, String name) {
        Entry e = byCategory.get(category).get(name);
        return e == null ? Optional.empty() : Optional.of(e.algorithm());
    }

    /** Which provider serves a name, for traces and diagnostics. */
    public Optional<String> providerName(AlgorithmCategory category, String name) {
        Entry e = byCategory.get(category).get(name);
        return e == null || e.provider() == null ? Optional.empty() : Optional.of(e.provider().name());
    }

    public Optional<KeyExchangeAlgorithm> keyExchange(String name) {
        return find(AlgorithmCategory.KEY_EXCHANGE, name).map(KeyExchangeAlgorithm.class::cast);
    }

    public Optional<SignatureAlgorithm> signature(String name) {
        return find(AlgorithmCategory.HOST_KEY, name).map(SignatureAlgorithm.class::cast);
    }

    public Optional<CipherAlgorithm> cipher(String name) {
        return find(AlgorithmCategory.CIPHER, name).map(CipherAlgorithm.class::cast);
    }

    public Optional<MacAlgorithm> mac(String name) {
        return find(AlgorithmCategory.MAC, name).map(MacAlgorithm.class::cast);
    }

    public Optional<CompressionAlgorithm> compression(String name) {
        return find(AlgorithmCategory.COMPRESSION, name).map(CompressionAlgorithm.class::cast);
    }

    /** User authentication method names, providers in rank order. */
    public List<String> userAuthMethodNames() {
        return List.copyOf(authMethods.keySet());
    }

    public Optional<UserAuthMethod> userAuthMethod(String name) {
        return Optional.ofNullable(authMethods.get(name));
    }

    /**
     * This registry's algorithms with the user authentication methods of another. A server uses
     * it to keep the methods it started with, the server half of each deciding who logs in,
     * while the algorithms of later connections follow a changing source.
     */
    public AlgorithmRegistry withUserAuthMethodsOf(AlgorithmRegistry other) {
        return new AlgorithmRegistry(providers, byCategory, other.authMethods);
    }

    /** The categories in which no provider supplies a supported algorithm. */
    public List<AlgorithmCategory> emptyCategories() {
        List<AlgorithmCategory> out = new ArrayList<>();
        byCategory.forEach((c, m) -> {
            if (m.isEmpty()) {
                out.add(c);
            }
        });
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "AlgorithmRegistry" + byCategory;
    }

    /** Collects providers and the order among them. */
    public static final class Builder {
        private final List<AlgorithmProvider> providers = new ArrayList<>();
        private List<String> preferred = List.of();

        private Builder() {
        }

        public Builder add(AlgorithmProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        public Builder addAll(Iterable<? extends AlgorithmProvider> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * Ranks the named providers first, in this order, whatever their priority; the others
         * follow by priority. This is how a user picks, say, Bouncy Castle's AES-GCM over the
         * JDK's.
         */
        public Builder preferProviders(String... names) {
            preferred = List.of(names);
            return this;
        }

        public AlgorithmRegistry build() {
            return new AlgorithmRegistry(providers, preferred);
        }
    }
}
