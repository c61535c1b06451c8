package dev.keyway.conformance;

import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key pairs generated once per (provider, key type, index) and shared by every suite in the
 * test JVM, because generating 3072-bit RSA keys dominates the run time otherwise. Each pair
 * comes from the algorithm's own {@code generateKeyPair}, with a reproducible random.
 */
public final class GeneratedKeys {
    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private GeneratedKeys() {
    }

    /** The {@code index}th key pair the named provider's algorithm generates for its key type. */
    public static KeyPair of(String providerName, SignatureAlgorithm alg, int index) {
        String id = providerName + "/" + alg.keyType() + "/" + index;
        return CACHE.computeIfAbsent(id, k -> alg.generateKeyPair(new SeededRandom(k.hashCode())));
    }
}
