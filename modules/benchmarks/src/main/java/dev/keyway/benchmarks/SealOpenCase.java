package dev.keyway.benchmarks;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            for (CipherAlgorithm a : InstalledProviders.supported(p, CipherAlgorithm.class)) {
                if (a instanceof AeadCipherAlgorithm) {
                    cases.add(new SealOpenCase(p.name(), a.name(), Optional.empty()));
                } else if (a instanceof BulkCipherAlgorithm) {
                    for (String mac : MACS) {
                        if (InstalledProviders.find(p, MacAlgorithm.class, mac).isPresent()) {
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
    PacketRoundTrip open(int encryptedBytes) {
        AlgorithmProvider p = InstalledProviders.named(provider, this);
        CipherAlgorithm c = InstalledProviders.find(p, CipherAlgorithm.class, cipher)
                .orElseThrow(() -> new IllegalArgumentException(this + ": " + provider + " supplies no cipher '"
                        + cipher + "'; its ciphers: " + InstalledProviders.names(p, CipherAlgorithm.class)));
        if (c instanceof AeadCipherAlgorithm aead) {
            if (mac.isPresent()) {
                throw new IllegalArgumentException(this + ": " + cipher
                        + " is an AEAD cipher and takes no MAC; write " + provider + ":" + cipher);
            }
            return new PacketRoundTrip.Aead(aead, encryptedBytes);
        }
        String macName = mac.orElseThrow(() -> new IllegalArgumentException(this + ": " + cipher
                + " needs a MAC; write " + provider + ":" + cipher + ":<mac>, e.g. :" + MACS.get(0)));
        MacAlgorithm m = InstalledProviders.find(p, MacAlgorithm.class, macName)
                .orElseThrow(() -> new IllegalArgumentException(this + ": " + provider + " supplies no MAC '"
                        + macName + "'; its MACs: " + InstalledProviders.names(p, MacAlgorithm.class)));
        return new PacketRoundTrip.BulkWithMac((BulkCipherAlgorithm) c, m, encryptedBytes);
    }
}
