package dev.keyway.provider.jca.internal;

import dev.keyway.api.keys.SignaturePrimitive;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * Pure Ed25519 (RFC 8032 §5.1) on the JDK's EdDSA (Java 15+), behind {@code ssh-ed25519}
 * (RFC 8709 §3, §6).
 */
final class Ed25519Signature implements SignaturePrimitive {
    private static final String JCA_NAME = "Ed25519";

    @Override
    public boolean isSupported() {
        try {
            java.security.Signature.getInstance(JCA_NAME);
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        // Ed25519 is deterministic (RFC 8032 §5.1.6): the random is not needed.
        return JcaSignatureEngine.sign(JCA_NAME, key, data, null);
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        return JcaSignatureEngine.verify(JCA_NAME, key, data, innerSignature);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(JCA_NAME);
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }
}
