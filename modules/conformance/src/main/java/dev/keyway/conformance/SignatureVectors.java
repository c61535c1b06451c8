package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.EcdsaSignature;
import dev.keyway.api.keys.Ed25519Encoding;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Known-answer tests for signature algorithms with a standard name, read from the vector
 * files. Keys are built with the JDK's {@link KeyFactory}, since {@code java.security} keys
 * are what every provider takes.
 */
public final class SignatureVectors {
    private SignatureVectors() {
    }

    /**
     * Runs every vector that applies to the algorithm's name: exact bytes for the
     * deterministic schemes (Ed25519, RSASSA-PKCS1-v1_5), verification for ECDSA.
     *
     * @return how many vectors ran; 0 when the kit knows no vectors for the name
     */
    public static int run(SignatureAlgorithm alg) {
        return switch (alg.name()) {
            case "ssh-ed25519" -> runEd25519(alg);
            case "ecdsa-sha2-nistp256" -> runEcdsa(alg, false);
            case "rsa-sha2-256", "rsa-sha2-512" -> runRsa(alg);
            default -> 0;
        };
    }

    /**
     * For an ECDSA signer with deterministic k (RFC 6979 §3.2): signing the RFC 6979 A.2.5
     * messages must give exactly the listed (r, s).
     */
    public static int runDeterministicEcdsa(SignatureAlgorithm alg) {
        return runEcdsa(alg, true);
    }

    private static int runEd25519(SignatureAlgorithm alg) {
        int n = 0;
        for (Vectors.Record v : Vectors.load("ed25519.txt")) {
            PrivateKey priv = generatePrivate("Ed25519",
                    new EdECPrivateKeySpec(NamedParameterSpec.ED25519, v.hex("secret")));
            PublicKey pub;
            try {
                pub = Ed25519Encoding.publicKey(v.hex("public"));
            } catch (SshProtocolException e) {
                throw new AssertionError(v + ": public key refused", e);
            }
            byte[] expected = new SignatureBlob(alg.name(), v.hex("signature")).encode();
            exact(alg, v, priv, pub, v.hex("message"), expected);
            n++;
        }
        return n;
    }

    private static int runEcdsa(SignatureAlgorithm alg, boolean exact) {
        int n = 0;
        for (Vectors.Record v : Vectors.load("ecdsa-p256.txt")) {
            PublicKey pub = generatePublic("EC", new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, v.hex("ux")), new BigInteger(1, v.hex("uy"))),
                    NistP256.parameters()));
            byte[] expected = new SignatureBlob(alg.name(), new EcdsaSignature(
                    new BigInteger(1, v.hex("r")), new BigInteger(1, v.hex("s"))).encodeSsh()).encode();
            if (exact) {
                PrivateKey priv = generatePrivate("EC",
                        new ECPrivateKeySpec(new BigInteger(1, v.hex("x")), NistP256.parameters()));
                exact(alg, v, priv, pub, v.hex("message"), expected);
            } else if (!alg.verify(pub, v.hex("message"), expected)) {
                throw new AssertionError(alg.name() + " " + v + ": RFC 6979 signature does not verify");
            }
            n++;
        }
        return n;
    }

    private static int runRsa(SignatureAlgorithm alg) {
        int n = 0;
        for (Vectors.Record v : Vectors.load("rsa-pkcs1.txt")) {
            if (!v.text("name").equals(alg.name())) {
                continue;
            }
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) generatePrivate("RSA", new PKCS8EncodedKeySpec(v.hex("pkcs8")));
            PublicKey pub = generatePublic("RSA", new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            byte[] expected = new SignatureBlob(alg.name(), v.hex("signature")).encode();
            exact(alg, v, priv, pub, v.hex("message"), expected);
            n++;
        }
        return n;
    }

    /**
     * The 2048-bit RSA key of the OpenSSL-made vectors: a key from an independent tool, and
     * one that costs no key generation.
     */
    public static KeyPair rsaVectorKeyPair() {
        Vectors.Record v = Vectors.load("rsa-pkcs1.txt").get(0);
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) generatePrivate("RSA", new PKCS8EncodedKeySpec(v.hex("pkcs8")));
        return new KeyPair(generatePublic("RSA", new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent())),
                priv);
    }

    private static void exact(SignatureAlgorithm alg, Vectors.Record v, PrivateKey priv, PublicKey pub,
            byte[] message, byte[] expected) {
        if (!alg.verify(pub, message, expected)) {
            throw new AssertionError(alg.name() + " " + v + ": vector signature does not verify");
        }
        byte[] actual = alg.sign(priv, message, new SeededRandom(message.length));
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(alg.name() + " " + v + ": signature differs: " + HexFormat.of().formatHex(actual));
        }
    }

    private static PrivateKey generatePrivate(String algorithm, java.security.spec.KeySpec spec) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey generatePublic(String algorithm, java.security.spec.KeySpec spec) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
