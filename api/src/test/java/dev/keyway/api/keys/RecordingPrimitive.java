package dev.keyway.api.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * A test primitive on the JDK that records the inner bytes it is asked to verify, so that
 * tests can see what {@link SshSignature} hands on, and can be told to throw.
 */
final class RecordingPrimitive implements SignaturePrimitive {
    private final String jcaName;
    private final String keyAlgorithm;
    private final int keyBits;
    byte[] lastVerified;
    RuntimeException toThrow;

    RecordingPrimitive(String jcaName, String keyAlgorithm, int keyBits) {
        this.jcaName = jcaName;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBits = keyBits;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        try {
            Signature s = Signature.getInstance(jcaName);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        lastVerified = innerSignature.clone();
        if (toThrow != null) {
            throw toThrow;
        }
        try {
            Signature s = Signature.getInstance(jcaName);
            s.initVerify(key);
            s.update(data);
            return s.verify(innerSignature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlgorithm);
            g.initialize(keyBits, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
