package dev.keyway.provider.bouncycastle.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Converts between {@code java.security} keys, which the SPI speaks, and Bouncy Castle's
 * lightweight key parameters, through the standard encodings both understand: X.509
 * SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo (RFC 5280 §4.1, RFC 5208 §5). That works
 * for keys from any JCA provider without registering Bouncy Castle as one.
 */
final class BcKeys {
    private BcKeys() {
    }

    /** A private key's parameters; the key must offer its PKCS#8 encoding. */
    static AsymmetricKeyParameter privateParameters(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null) {
            throw new IllegalArgumentException("private key offers no PKCS#8 encoding (a hardware key?)");
        }
        try {
            return PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unusable private key", e);
        }
    }

    /** A public key's parameters. */
    static AsymmetricKeyParameter publicParameters(PublicKey key) throws IOException {
        byte[] der = key.getEncoded();
        if (der == null) {
            throw new IOException("public key offers no X.509 encoding");
        }
        return PublicKeyFactory.createKey(der);
    }

    /** A generated pair as JDK keys of the given JCA algorithm ("RSA", "EC", "Ed25519"). */
    static KeyPair toJca(AsymmetricCipherKeyPair pair, String jcaAlgorithm) {
        try {
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded();
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
            KeyFactory f = KeyFactory.getInstance(jcaAlgorithm);
            return new KeyPair(f.generatePublic(new X509EncodedKeySpec(spki)),
                    f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot express a generated key as a JDK key", e);
        }
    }
}
