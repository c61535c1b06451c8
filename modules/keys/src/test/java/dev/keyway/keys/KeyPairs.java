package dev.keyway.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** Fresh JDK key pairs of the three types Keyway writes. */
final class KeyPairs {
    private KeyPairs() {
    }

    static KeyPair generate(String type) throws GeneralSecurityException {
        KeyPairGenerator generator;
        switch (type) {
            case "ed25519" -> generator = KeyPairGenerator.getInstance("Ed25519");
            case "ecdsa" -> {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            case "rsa" -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            }
            default -> throw new IllegalArgumentException(type);
        }
        return generator.generateKeyPair();
    }

    /** Whether a signature made with {@code privateKey} verifies under {@code publicKey}. */
    static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        byte[] data = {1, 2, 3};
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }
}
