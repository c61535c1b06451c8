package dev.keyway.keys.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.PublicKeyBlob;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Moves keys between Bouncy Castle's lightweight parameters, which its OpenSSH utilities speak,
 * and {@code java.security} keys, which the rest of Keyway speaks. Private keys cross as
 * PKCS#8 (RFC 5958) and are rebuilt by the JDK's own key factories, so the pair works with
 * every provider; public keys cross as SSH blobs through {@link PublicKeyBlob}, so they get
 * the same checks as a key from the wire.
 */
public final class BcKeyConversion {
    private BcKeyConversion() {
    }

    /** The JCA pair for a private key from an OpenSSH file; the public half is derived from it. */
    public static KeyPair toKeyPair(AsymmetricKeyParameter privateKey) throws IOException, SshProtocolException {
        PublicKey publicKey = PublicKeyBlob.decode(OpenSSHPublicKeyUtil.encodePublicKey(publicHalf(privateKey)));
        PrivateKey jcaPrivate = new JcaPEMKeyConverter()
                .getPrivateKey(PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey));
        return new KeyPair(publicKey, jcaPrivate);
    }

    /**
     * Whether the parts of an RSA private key belong together (RFC 8017 §3.2): n = pq, and d,
     * dP and dQ each invert e modulo p-1 and q-1 as they should, and q·qInv ≡ 1 (mod p). A file
     * can hold parts that do not; signing with them by the CRT would give a faulty signature
     * that reveals a prime, and writing the key back would change it.
     */
    public static boolean rsaPartsAgree(RSAPrivateCrtKeyParameters k) {
        BigInteger p = k.getP();
        BigInteger q = k.getQ();
        if (p.compareTo(BigInteger.ONE) <= 0 || q.compareTo(BigInteger.ONE) <= 0 || !p.multiply(q).equals(k.getModulus())) {
            return false;
        }
        BigInteger e = k.getPublicExponent();
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        return invert(e, k.getExponent(), p1) && invert(e, k.getExponent(), q1)
                && invert(e, k.getDP(), p1) && invert(e, k.getDQ(), q1)
                && q.multiply(k.getQInv()).mod(p).equals(BigInteger.ONE);
    }

    private static boolean invert(BigInteger e, BigInteger d, BigInteger modulus) {
        return e.multiply(d).mod(modulus).equals(BigInteger.ONE);
    }

    /**
     * Bouncy Castle's form of a JCA private key. Keys that do not export their encoding (a
     * token's, say) cannot be written to a file at all.
     */
    public static AsymmetricKeyParameter fromPrivateKey(PrivateKey key) throws IOException {
        byte[] pkcs8 = "PKCS#8".equals(key.getFormat()) ? key.getEncoded() : null;
        if (pkcs8 == null) {
            throw new IOException("the " + key.getAlgorithm() + " private key does not export a PKCS#8 encoding");
        }
        return PrivateKeyFactory.createKey(pkcs8);
    }

    /** The public key that belongs to a private one, as OpenSSH keeps both in the file. */
    public static AsymmetricKeyParameter publicHalf(AsymmetricKeyParameter privateKey) throws IOException {
        if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (privateKey instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(),
                    ec.getParameters());
        }
        if (privateKey instanceof RSAPrivateCrtKeyParameters rsa) {
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        throw new IOException("unsupported private key type " + privateKey.getClass().getSimpleName());
    }
}
