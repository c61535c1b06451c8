package dev.keyway.provider.jca.internal;

import dev.keyway.api.keys.SignaturePrimitive;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) with SHA-256 or SHA-512 on the JDK, behind
 * {@code rsa-sha2-256} and {@code rsa-sha2-512} (RFC 8332 §3). The API's
 * {@link dev.keyway.api.keys.SshSignature} pads short signatures to the modulus length first,
 * since the JDK insists on it.
 *
 * @param jcaName the JDK's name, {@code SHA256withRSA} or {@code SHA512withRSA}
 */
record RsaSha2Signature(String jcaName) implements SignaturePrimitive {
    /** Bits of generated keys: OpenSSH's default since 8.0. */
    static final int GENERATED_BITS = 3072;

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        return JcaSignatureEngine.sign(jcaName, key, data, random);
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        return JcaSignatureEngine.verify(jcaName, key, data, innerSignature);
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
