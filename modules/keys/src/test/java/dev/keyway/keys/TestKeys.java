package dev.keyway.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;

/** Public keys for known_hosts tests, made once: key generation is the slow part. */
final class TestKeys {
    static final OpenSshPublicKey ED25519_A = make("ed25519");
    static final OpenSshPublicKey ED25519_B = make("ed25519");
    static final OpenSshPublicKey ECDSA = make("ecdsa");

    private TestKeys() {
    }

    private static OpenSshPublicKey make(String type) {
        try {
            KeyPair pair = KeyPairs.generate(type);
            return OpenSshPublicKey.of(pair.getPublic(), "");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
