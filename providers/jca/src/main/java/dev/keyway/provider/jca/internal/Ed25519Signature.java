package dev.keyway.provider.jca.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * {@code ssh-ed25519} (RFC 8709 §3, §6): pure Ed25519 of RFC 8032 §5.1 over the data, the
 * signature being the 64-byte R || S.
 */
final class Ed25519Signature implements SignatureAlgorithm {
    static final String NAME = "ssh-ed25519";
    private static final int SIGNATURE_BYTES = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String keyType() {
        return KeyType.SSH_ED25519.sshName();
    }

    @Override
    public boolean isSupported() {
        try {
            java.security.Signature.getInstance("Ed25519");
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    @Override
    public boolean accepts(PublicKey key) {
        return KeyType.of(key).orElse(null) == KeyType.SSH_ED25519;
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!accepts(key)) {
            throw new IllegalArgumentException("not an Ed25519 key");
        }
        return PublicKeyBlob.encode(key);
    }

    @Override
    public PublicKey decodePublicKey(byte[] blob) throws SshProtocolException {
        return PublicKeyBlob.decode(blob, KeyType.SSH_ED25519);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        // Ed25519 is deterministic (RFC 8032 §5.1.6): the random is not needed.
        return new SignatureBlob(NAME, JcaSignatureEngine.sign("Ed25519", key, data, null)).encode();
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(NAME, signatureBlob).orElse(null);
        return sig != null && sig.length == SIGNATURE_BYTES && accepts(key)
                && JcaSignatureEngine.verify("Ed25519", key, data, sig);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }
}
