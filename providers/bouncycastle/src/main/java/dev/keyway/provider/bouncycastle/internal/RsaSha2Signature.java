package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.function.Supplier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * {@code rsa-sha2-256} and {@code rsa-sha2-512} (RFC 8332 §3) on {@link RSADigestSigner}
 * (RSASSA-PKCS1-v1_5, RFC 8017 §8.2), over keys of type {@code ssh-rsa}. There is no SHA-1
 * {@code ssh-rsa} signature here. Signatures shorter than the modulus, which RFC 8332 §3
 * lets a signer send, are left-padded before verifying, as OpenSSH does.
 */
final class RsaSha2Signature implements SignatureAlgorithm {
    /** Bits of generated keys: OpenSSH's default since 8.0. */
    static final int GENERATED_BITS = 3072;
    /** Miller-Rabin certainty for generated primes (FIPS 186-4 C.3, 3072-bit keys). */
    private static final int PRIME_CERTAINTY = 128;

    private final String name;
    private final Supplier<Digest> digest;

    private RsaSha2Signature(String name, Supplier<Digest> digest) {
        this.name = name;
        this.digest = digest;
    }

    static RsaSha2Signature sha256() {
        return new RsaSha2Signature("rsa-sha2-256", SHA256Digest::new);
    }

    static RsaSha2Signature sha512() {
        return new RsaSha2Signature("rsa-sha2-512", SHA512Digest::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String keyType() {
        return KeyType.SSH_RSA.sshName();
    }

    @Override
    public boolean accepts(PublicKey key) {
        return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= PublicKeyBlob.MIN_RSA_BITS;
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!accepts(key)) {
            throw new IllegalArgumentException("not a usable RSA key");
        }
        return PublicKeyBlob.encode(key);
    }

    @Override
    public PublicKey decodePublicKey(byte[] blob) throws SshProtocolException {
        return PublicKeyBlob.decode(blob, KeyType.SSH_RSA);
    }

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
            return new SignatureBlob(name, signer.generateSignature()).encode();
        } catch (CryptoException e) {
            throw new IllegalArgumentException("RSA signing failed", e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(name, signatureBlob).orElse(null);
        if (sig == null || !accepts(key)) {
            return false;
        }
        int modulusBytes = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        if (sig.length == 0 || sig.length > modulusBytes) {
            return false;
        }
        byte[] full = new byte[modulusBytes];
        System.arraycopy(sig, 0, full, modulusBytes - sig.length, sig.length);
        try {
            RSADigestSigner verifier = new RSADigestSigner(digest.get());
            verifier.init(false, BcKeys.publicParameters(key));
            verifier.update(data, 0, data.length);
            return verifier.verifySignature(full);
        } catch (IOException | RuntimeException e) {
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
