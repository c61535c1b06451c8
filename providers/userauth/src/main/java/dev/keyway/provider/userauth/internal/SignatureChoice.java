package dev.keyway.provider.userauth.internal;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which signature algorithm the client signs with for a key. An RSA key can sign as
 * {@code rsa-sha2-512} or {@code rsa-sha2-256} (RFC 8332 §3); SHA-1 {@code ssh-rsa} is never
 * used. When the server sent {@code server-sig-algs} (RFC 8308 §3.1), the first of the client's
 * algorithms for the key (SHA-512 before SHA-256) that the server lists wins, and an RSA key it
 * lists no SHA-2 algorithm for is not offered, since such a server would only accept SHA-1.
 * Without the extension, SHA-512 is tried.
 */
final class SignatureChoice {
    /** RFC 8332 §3: SHA-1 RSA signatures are not offered. */
    private static final String SHA1_RSA = "ssh-rsa";
    private static final List<String> RSA_PREFERENCE = List.of("rsa-sha2-512", "rsa-sha2-256");

    private SignatureChoice() {
    }

    static Optional<SignatureAlgorithm> forKey(AlgorithmRegistry registry, PublicKey key, List<String> serverSigAlgs) {
        List<SignatureAlgorithm> usable = new ArrayList<>();
        for (String name : registry.names(AlgorithmCategory.HOST_KEY)) {
            registry.signature(name)
                    .filter(a -> !SHA1_RSA.equals(a.name()) && a.accepts(key))
                    .ifPresent(usable::add);
        }
        usable.sort(Comparator.comparingInt(a -> rank(a.name())));
        if (serverSigAlgs.isEmpty()) {
            return usable.stream().findFirst();
        }
        Optional<SignatureAlgorithm> listed = usable.stream()
                .filter(a -> serverSigAlgs.contains(a.name()))
                .findFirst();
        if (listed.isPresent() || KeyType.of(key).orElse(null) == KeyType.SSH_RSA) {
            return listed;
        }
        // Servers often list only what they host; a non-RSA key has one algorithm anyway.
        return usable.stream().findFirst();
    }

    private static int rank(String name) {
        int i = RSA_PREFERENCE.indexOf(name);
        return i < 0 ? RSA_PREFERENCE.size() : i;
    }
}
