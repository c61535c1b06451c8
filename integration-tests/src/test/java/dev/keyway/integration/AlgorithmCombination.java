package dev.keyway.integration;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.NegotiatedAlgorithms;
import java.util.ArrayList;
import java.util.List;

/**
 * One choice per negotiated category: key exchange, host key, cipher and, for a cipher that
 * is not AEAD, a MAC ({@code null} otherwise: RFC 5647 §5.1 and OpenSSH's PROTOCOL.chacha20poly1305
 * make the MAC implicit). Shared by the OpenSSH and the Java-peer interop matrices.
 */
public record AlgorithmCombination(String kex, String hostKey, String cipher, String mac) {

    /** Every key exchange × host key × cipher (× MAC) the registry offers. */
    public static List<AlgorithmCombination> all(AlgorithmRegistry registry) {
        List<AlgorithmCombination> out = new ArrayList<>();
        for (String kex : registry.names(AlgorithmCategory.KEY_EXCHANGE)) {
            for (String hostKey : registry.names(AlgorithmCategory.HOST_KEY)) {
                out.addAll(cipherAndMacPairs(registry, kex, hostKey));
            }
        }
        return out;
    }

    /** Every cipher (× MAC for non-AEAD ciphers) with one key exchange and host key. */
    public static List<AlgorithmCombination> cipherAndMacPairs(AlgorithmRegistry registry, String kex, String hostKey) {
        List<AlgorithmCombination> out = new ArrayList<>();
        for (String cipher : registry.names(AlgorithmCategory.CIPHER)) {
            if (isAead(registry, cipher)) {
                out.add(new AlgorithmCombination(kex, hostKey, cipher, null));
            } else {
                for (String mac : registry.names(AlgorithmCategory.MAC)) {
                    out.add(new AlgorithmCombination(kex, hostKey, cipher, mac));
                }
            }
        }
        return out;
    }

    /** Every key exchange × host key with one cipher and MAC. */
    public static List<AlgorithmCombination> kexAndHostKeyPairs(AlgorithmRegistry registry, String cipher, String mac) {
        List<AlgorithmCombination> out = new ArrayList<>();
        for (String kex : registry.names(AlgorithmCategory.KEY_EXCHANGE)) {
            for (String hostKey : registry.names(AlgorithmCategory.HOST_KEY)) {
                out.add(new AlgorithmCombination(kex, hostKey, cipher, isAead(registry, cipher) ? null : mac));
            }
        }
        return out;
    }

    private static boolean isAead(AlgorithmRegistry registry, String cipher) {
        return registry.cipher(cipher).orElseThrow() instanceof AeadCipherAlgorithm;
    }

    /** A policy that offers exactly these algorithms and nothing else. */
    public AlgorithmPolicy policy() {
        AlgorithmPolicy p = AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.KEY_EXCHANGE, kex)
                .with(AlgorithmCategory.HOST_KEY, hostKey)
                .with(AlgorithmCategory.CIPHER, cipher);
        return mac == null ? p : p.with(AlgorithmCategory.MAC, mac);
    }

    /** What both sides must settle on: the same choice in both directions, no compression. */
    public NegotiatedAlgorithms expected() {
        return new NegotiatedAlgorithms(kex, hostKey, cipher, cipher, mac, mac, "none", "none");
    }

    /** The MAC as OpenSSH's debug output names it: {@code <implicit>} for an AEAD cipher. */
    public String openSshMac() {
        return mac == null ? "<implicit>" : mac;
    }

    @Override
    public String toString() {
        return kex + " " + hostKey + " " + cipher + (mac == null ? "" : " " + mac);
    }
}
