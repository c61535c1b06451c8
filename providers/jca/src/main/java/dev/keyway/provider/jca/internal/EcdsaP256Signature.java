package dev.keyway.provider.jca.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.EcdsaSignature;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.keys.SignaturePrimitive;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;

/**
 * ECDSA over P-256 with SHA-256 on the JDK, behind {@code ecdsa-sha2-nistp256} (RFC 5656
 * §3.1.2). The JDK speaks DER (RFC 3279 §2.2.3), SSH {@code mpint r, mpint s}; the conversion
 * is this class's only SSH knowledge. The JDK signs with a random k from the caller's random.
 */
final class EcdsaP256Signature implements SignaturePrimitive {
    private static final String JCA_NAME = "SHA256withECDSA";

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        if (!(key instanceof ECPrivateKey ec) || !NistP256.isCurve(ec.getParams())) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        byte[] der = JcaSignatureEngine.sign(JCA_NAME, key, data, random);
        try {
            return EcdsaSignature.fromDer(der).encodeSsh();
        } catch (SshProtocolException e) {
            throw new IllegalStateException("the JDK produced a malformed ECDSA signature", e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        try {
            return JcaSignatureEngine.verify(JCA_NAME, key, data, EcdsaSignature.decodeSsh(innerSignature).toDer());
        } catch (SshProtocolException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return P256KeyPairs.generate(random);
    }
}
