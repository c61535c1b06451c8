package dev.keyway.provider.jca.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/** One-shot JCA signing and verifying, with every failure of a verify turned into false. */
final class JcaSignatureEngine {
    private JcaSignatureEngine() {
    }

    static byte[] sign(String jcaName, PrivateKey key, byte[] data, SecureRandom random) {
        try {
            Signature s = Signature.getInstance(jcaName);
            if (random == null) {
                s.initSign(key);
            } else {
                s.initSign(key, random);
            }
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(jcaName + " cannot sign with this key", e);
        }
    }

    /** False for a bad signature and for anything the JDK refuses; it never throws. */
    static boolean verify(String jcaName, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(jcaName);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
