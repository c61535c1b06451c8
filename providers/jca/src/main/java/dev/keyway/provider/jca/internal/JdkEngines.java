package dev.keyway.provider.jca.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/**
 * Obtaining and keying JCA engines. An algorithm the running JDK lacks (a stripped runtime,
 * a FIPS policy) is reported through {@code isSupported()} instead of failing later.
 */
final class JdkEngines {
    private JdkEngines() {
    }

    static boolean hasCipher(String transformation) {
        try {
            Cipher.getInstance(transformation);
            return true;
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            return false;
        }
    }

    static boolean hasMac(String algorithm) {
        try {
            Mac.getInstance(algorithm);
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    static Cipher cipher(String transformation, int mode, Key key, AlgorithmParameterSpec params) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, key, params);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available", e);
        }
    }

    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available", e);
        }
    }

    static Mac mac(String algorithm, Key key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Refuses key material of the wrong size; the message carries sizes, never bytes. */
    static void requireLength(String algorithm, String what, byte[] value, int expected) {
        if (value == null || value.length != expected) {
            throw new IllegalArgumentException(algorithm + " needs a " + expected + "-byte " + what + ", got "
                    + (value == null ? "none" : value.length + " bytes"));
        }
    }
}
