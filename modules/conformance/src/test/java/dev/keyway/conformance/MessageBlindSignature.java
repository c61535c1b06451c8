package dev.keyway.conformance;

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
import java.security.Signature;

/**
 * A deliberately broken {@code ssh-ed25519}: real Ed25519, but over a constant instead of
 * the message, so a signature is valid for every message. Keys and blobs are right. A test
 * fixture only, to show the suite catches it.
 */
final class MessageBlindSignature implements SignatureAlgorithm {
    private static final byte[] CONSTANT = {1, 2, 3};

    @Override
    public String name() {
        return "ssh-ed25519";
    }

    @Override
    public String keyType() {
        return "ssh-ed25519";
    }

    @Override
    public boolean accepts(PublicKey key) {
        return KeyType.of(key).orElse(null) == KeyType.SSH_ED25519;
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        return PublicKeyBlob.encode(key);
    }

    @Override
    public PublicKey decodePublicKey(byte[] blob) throws SshProtocolException {
        return PublicKeyBlob.decode(blob, KeyType.SSH_ED25519);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(CONSTANT);
            return new SignatureBlob(name(), s.sign()).encode();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(name(), signatureBlob).orElse(null);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(CONSTANT);
            return sig != null && s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
