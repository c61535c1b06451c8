package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

/**
 * A subtly broken {@code rsa-sha2-256}: it hands the signature to the JDK as received, and
 * the JDK refuses signatures shorter than the modulus, which RFC 8332 §3 says to accept.
 * Interoperates with almost every signer, fails with about one signature in 256. A test
 * fixture only.
 */
final class UnpaddedRsaSignature implements SignatureAlgorithm {
    @Override
    public String name() {
        return "rsa-sha2-256";
    }

    @Override
    public String keyType() {
        return "ssh-rsa";
    }

    @Override
    public boolean accepts(PublicKey key) {
        return key instanceof RSAPublicKey;
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        return PublicKeyBlob.encode(key);
    }

    @Override
    public PublicKey decodePublicKey(byte[] blob) throws SshProtocolException {
        return PublicKeyBlob.decode(blob, KeyType.SSH_RSA);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return new SignatureBlob(name(), s.sign()).encode();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(name(), signatureBlob).orElse(null);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(data);
            return sig != null && s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return SignatureVectors.rsaVectorKeyPair();
    }
}
