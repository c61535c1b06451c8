package dev.keyway.userauth;

import java.security.KeyPair;
import java.security.SecureRandom;

/** Key pairs made once through the registry's signature algorithms; RSA is slow to generate. */
final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final KeyPair ED25519 = generate("ssh-ed25519");
    static final KeyPair ED25519_OTHER = generate("ssh-ed25519");
    static final KeyPair ECDSA = generate("ecdsa-sha2-nistp256");
    static final KeyPair RSA = generate("rsa-sha2-512");

    private TestKeys() {
    }

    private static KeyPair generate(String algorithm) {
        return AuthPair.REGISTRY.signature(algorithm).orElseThrow().generateKeyPair(RANDOM);
    }
}
