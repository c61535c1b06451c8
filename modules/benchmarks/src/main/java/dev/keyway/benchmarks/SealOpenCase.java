package dev.keyway.benchmarks;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * One benchmark case, written {@code provider:cipher} for an AEAD cipher or
 * {@code provider:cipher:mac} for a bulk cipher, e.g. {@code jca:aes256-ctr:hmac-sha2-256}.
 * Cipher and MAC come from the same provider, so a score belongs to one provider.
 */
record SealOpenCase(String provider, String cipher, Optional<String> mac) {

    /** The MACs every bulk cipher is measured with: the recommended form and the classic one. */
    static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256");

    static SealOpenCase parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("'" + text + "' is not provider:cipher[:mac]");
        }
        return new SealOpenCase(parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
    }

    @Override
    public String toString() {
        return provider + ":" + cipher + mac.map(m -> ":" + m).orElse("");
    }

    /** Every case the installed providers can run: each cipher, bulk ciphers with each of {@link #MACS}. */
    static List<SealOpenCase> all(Iterable<AlgorithmProvider> providers) {
        List<SealOpenCase> cases = new ArrayList<>();
        for (AlgorithmProvider p : providers) {
            for (SshAlgorithm a : p.algorithms()) {
                if (a instanceof AeadCipherAlgorithm && a.isSupported()) {
                    cases.add(new SealOpenCase(p.name(), a.name(), Optional.empty()));
                } else if (a instanceof BulkCipherAlgorithm && a.isSupported()) {
                    for (String mac : MACS) {
                        if (find(p, MacAlgorithm.class, mac).isPresent()) {
                            cases.add(new SealOpenCase(p.name(), a.name(), Optional.of(mac)));
                        } else {
                            System.err.printf("skipping %s:%s:%s: %s supplies no %s%n",
                                    p.name(), a.name(), mac, p.name(), mac);
                        }
                    }
                }
            }
        }
        return cases;
    }

    /**
     * Keys this case's algorithms. Fails with the names that would have worked when the
     * provider or an algorithm is unknown, so a typo or a provider without the algorithm is
     * reported rather than measured as something else.
     */
    PacketRoundTrip open() {
        AlgorithmProvider p = ServiceLoader.load(AlgorithmProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.name().equals(provider))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this + ": no provider '" + provider
                        + "'; installed: " + ServiceLoader.load(AlgorithmProvider.class).stream()
                        .map(s -> s.get().name()).toList()));
        CipherAlgorithm c = find(p, CipherAlgorithm.class, cipher)
                .orElseThrow(() -> new IllegalArgumentException(this + ": " + provider + " supplies no cipher '"
                        + cipher + "'; its ciphers: " + names(p, CipherAlgorithm.class)));
        if (c instanceof AeadCipherAlgorithm aead) {
            if (mac.isPresent()) {
                throw new IllegalArgumentException(this + ": " + cipher
                        + " is an AEAD cipher and takes no MAC; write " + provider + ":" + cipher);
            }
            return new PacketRoundTrip.Aead(aead);
        }
        String macName = mac.orElseThrow(() -> new IllegalArgumentException(this + ": " + cipher
                + " needs a MAC; write " + provider + ":" + cipher + ":<mac>, e.g. :" + MACS.get(0)));
        MacAlgorithm m = find(p, MacAlgorithm.class, macName)
                .orElseThrow(() -> new IllegalArgumentException(this + ": " + provider + " supplies no MAC '"
                        + macName + "'; its MACs: " + names(p, MacAlgorithm.class)));
        return new PacketRoundTrip.BulkWithMac((BulkCipherAlgorithm) c, m);
    }

    private static <T extends SshAlgorithm> Optional<T> find(AlgorithmProvider p, Class<T> kind, String name) {
        return p.algorithms().stream()
                .filter(kind::isInstance)
                .filter(SshAlgorithm::isSupported)
                .filter(a -> a.name().equals(name))
                .map(kind::cast)
                .findFirst();
    }

    private static List<String> names(AlgorithmProvider p, Class<? extends SshAlgorithm> kind) {
        return p.algorithms().stream().filter(kind::isInstance).filter(SshAlgorithm::isSupported)
                .map(SshAlgorithm::name).toList();
    }
}
