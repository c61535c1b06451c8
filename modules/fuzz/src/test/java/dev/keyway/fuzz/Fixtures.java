package dev.keyway.fuzz;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.conformance.GeneratedKeys;
import dev.keyway.conformance.SeededRandom;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.TransportConfig;
import java.security.KeyPair;
import java.util.List;

/**
 * What every target builds its engines from, the same in every run so that a finding replays:
 * the algorithms on the class path, host and user keys generated from fixed seeds, and
 * randomness from a fixed seed.
 */
final class Fixtures {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    /** The same algorithms, Bouncy Castle's first: its Ed25519 and X25519 are many times faster. */
    static final AlgorithmRegistry FAST = AlgorithmRegistry.builder().addAll(REGISTRY.providers())
            .preferProviders("bouncycastle").build();
    static final long SEED = 20261207L;

    private Fixtures() {
    }

    /** The {@code index}th key pair of the named signature algorithm's key type. */
    static KeyPair key(String signatureAlgorithm, int index) {
        SignatureAlgorithm alg = REGISTRY.signature(signatureAlgorithm).orElseThrow();
        return GeneratedKeys.of("keyway-fuzz", alg, index);
    }

    /** One host key of each type, so that a peer's KEXINIT may choose any host key algorithm. */
    static List<KeyPair> hostKeys() {
        return List.of(key("ssh-ed25519", 0), key("ecdsa-sha2-nistp256", 0), key("rsa-sha2-256", 0));
    }

    static TransportConfig.Builder server(AlgorithmRegistry registry) {
        return TransportConfig.builder(registry).random(new SeededRandom(SEED)).hostKeys(hostKeys());
    }

    /** A client that trusts any host key, so that the peer's signature is all that stands in the way. */
    static TransportConfig.Builder client(AlgorithmRegistry registry) {
        return TransportConfig.builder(registry).random(new SeededRandom(SEED + 1))
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny());
    }
}
