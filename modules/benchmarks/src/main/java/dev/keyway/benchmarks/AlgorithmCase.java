package dev.keyway.benchmarks;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark case of a single algorithm, written {@code provider:name}, e.g.
 * {@code bouncycastle:curve25519-sha256} or {@code jca:rsa-sha2-512}: the key exchange and
 * signature benchmarks take these, as the cipher benchmark takes {@link SealOpenCase}s.
 */
record AlgorithmCase(String provider, String algorithm) {

    static AlgorithmCase parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not provider:algorithm");
        }
        return new AlgorithmCase(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return provider + ":" + algorithm;
    }

    /** Every algorithm of this kind of every provider, so providers of one name sit side by side. */
    static List<AlgorithmCase> all(Iterable<AlgorithmProvider> providers, Class<? extends SshAlgorithm> kind) {
        List<AlgorithmCase> cases = new ArrayList<>();
        for (AlgorithmProvider p : providers) {
            for (String name : InstalledProviders.names(p, kind)) {
                cases.add(new AlgorithmCase(p.name(), name));
            }
        }
        return cases;
    }

    /**
     * This case's algorithm. Fails with the names that would have worked when the provider or
     * the algorithm is unknown, rather than measuring something else.
     */
    <T extends SshAlgorithm> T open(Class<T> kind) {
        AlgorithmProvider p = InstalledProviders.named(provider, this);
        return InstalledProviders.find(p, kind, algorithm)
                .orElseThrow(() -> new IllegalArgumentException(this + ": " + provider + " supplies no "
                        + kind.getSimpleName() + " '" + algorithm + "'; it has: "
                        + InstalledProviders.names(p, kind)));
    }
}
