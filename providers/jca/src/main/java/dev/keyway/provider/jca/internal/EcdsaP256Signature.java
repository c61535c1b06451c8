package dev.keyway.provider.jca.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.EcdsaSignature;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;

/**
 * {@code ecdsa-sha2-nistp256} (RFC 5656 §3.1.2): ECDSA over P-256 with SHA-256, the
 * signature being {@code mpint r, mpint s}. The JDK signs with a random k from the caller's
 * random.
 */
final class EcdsaP256Signature implements SignatureAlgorithm {
    static final String NAME = "ecdsa-sha2-nistp256";
    private static final String JCA_NAME = "SHA256withECDSA";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String keyType() {
        return KeyType.ECDSA_SHA2_NISTP256.sshName();
    }

    @Override
    public boolean accepts(PublicKey key) {
        return KeyType.of(key).orElse(null) == KeyType.ECDSA_SHA2_NISTP256;
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!accepts(key)) {
            throw new IllegalArgumentException("not a P-256 key");
        }
        return PublicKeyBlob.encode(key);
    }

    @Override
    public PublicKey decodePublicKey(byte[] blob) throws SshProtocolException {
        return PublicKeyBlob.decode(blob, KeyType.ECDSA_SHA2_NISTP256);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        if (!(key instanceof ECPrivateKey ec) || !NistP256.isCurve(ec.getParams())) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        byte[] der = JcaSignatureEngine.sign(JCA_NAME, key, data, random);
        try {
            return new SignatureBlob(NAME, EcdsaSignature.fromDer(der).encodeSsh()).encode();
        } catch (SshProtocolException e) {
            throw new IllegalStateException("the JDK produced a malformed ECDSA signature", e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(NAME, signatureBlob).orElse(null);
        if (sig == null || !accepts(key)) {
            return false;
        }
        EcdsaSignature rs;
        try {
            rs = EcdsaSignature.decodeSsh(sig);
        } catch (SshProtocolException e) {
            return false;
        }
        return rs.inRange(NistP256.N) && JcaSignatureEngine.verify(JCA_NAME, key, data, rs.toDer());
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return P256KeyPairs.generate(random);
    }
}
