package dev.keyway.provider.jca.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * {@code rsa-sha2-256} and {@code rsa-sha2-512} (RFC 8332 §3): RSASSA-PKCS1-v1_5 (RFC 8017
 * §8.2) with SHA-256 or SHA-512 over keys of type {@code ssh-rsa}. The SHA-1 {@code ssh-rsa}
 * signature is deliberately absent, and a blob naming it never verifies here.
 *
 * <p>RFC 8332 §3 lets a signer send a signature shorter than the modulus; OpenSSH left-pads
 * such signatures, and so does this verifier, since the JDK insists on the full length.
 */
final class RsaSha2Signature implements SignatureAlgorithm {
    /** Bits of generated keys: OpenSSH's default since 8.0. */
    static final int GENERATED_BITS = 3072;

    private final String name;
    private final String jcaName;

    RsaSha2Signature(String name, String jcaName) {
        this.name = name;
        this.jcaName = jcaName;
    }

    static RsaSha2Signature sha256() {
        return new RsaSha2Signature("rsa-sha2-256", "SHA256withRSA");
    }

    static RsaSha2Signature sha512() {
        return new RsaSha2Signature("rsa-sha2-512", "SHA512withRSA");
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
        return new SignatureBlob(name, JcaSignatureEngine.sign(jcaName, key, data, random)).encode();
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
        return JcaSignatureEngine.verify(jcaName, key, data, full);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(GENERATED_BITS, RSAKeyGenParameterSpec.F4), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }
}
