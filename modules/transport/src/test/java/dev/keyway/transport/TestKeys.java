package dev.keyway.transport;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Host keys generated once per test run, one per host key algorithm, through the SPI. */
final class TestKeys {
    static final AlgorithmRegistry JCA_FIRST = AlgorithmRegistry.loadDefault();
    static final AlgorithmRegistry BC_FIRST = AlgorithmRegistry.builder()
            .addAll(JCA_FIRST.providers()).preferProviders("bouncycastle").build();

    private static final Map<String, KeyPair> BY_KEY_TYPE = new LinkedHashMap<>();

    private TestKeys() {
    }

    /** A key pair the named signature algorithm accepts; RSA keys are shared by both RSA names. */
    static synchronized KeyPair hostKeyFor(String signatureAlgorithm) {
        SignatureAlgorithm sig = JCA_FIRST.signature(signatureAlgorithm).orElseThrow();
        return BY_KEY_TYPE.computeIfAbsent(sig.keyType(), t -> sig.generateKeyPair(new SecureRandom()));
    }

    /** One key of every type, as a server with several host keys holds them. */
    static List<KeyPair> allHostKeys() {
        return List.of(hostKeyFor("ssh-ed25519"), hostKeyFor("ecdsa-sha2-nistp256"), hostKeyFor("rsa-sha2-256"));
    }
}
