package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.keys.SignaturePrimitive;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) on {@link RSADigestSigner}, behind {@code rsa-sha2-256}
 * and {@code rsa-sha2-512} (RFC 8332 §3). The API's {@link dev.keyway.api.keys.SshSignature}
 * pads short signatures to the modulus length before they get here.
 *
 * @param digest a new SHA-256 or SHA-512 for each operation
 */
record RsaSha2Signature(Supplier<Digest> digest) implements SignaturePrimitive {
    /** Bits of generated keys: OpenSSH's default since 8.0. */
    static final int GENERATED_BITS = 3072;
    /** Miller-Rabin certainty for generated primes (FIPS 186-4 C.3, 3072-bit keys). */
    private static final int PRIME_CERTAINTY = 128;

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        if (!(BcKeys.privateParameters(key) instanceof RSAKeyParameters priv) || !priv.isPrivate()) {
            throw new IllegalArgumentException("not an RSA private key");
        }
        RSADigestSigner signer = new RSADigestSigner(digest.get());
        // The random only blinds the private operation; PKCS#1 v1.5 output is deterministic.
        signer.init(true, random == null ? priv : new ParametersWithRandom(priv, random));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalArgumentException("RSA signing failed", e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        try {
            RSADigestSigner verifier = new RSADigestSigner(digest.get());
            verifier.init(false, BcKeys.publicParameters(key));
            verifier.update(data, 0, data.length);
            return verifier.verifySignature(innerSignature);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        RSAKeyPairGenerator g = new RSAKeyPairGenerator();
        g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, GENERATED_BITS, PRIME_CERTAINTY));
        return BcKeys.toJca(g.generateKeyPair(), "RSA");
    }
}
