package dev.keyway.api.keys;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * A {@link SignatureAlgorithm} made of an SSH name, a {@link KeyType} and a library's
 * {@link SignaturePrimitive}. Everything SSH defines lives here once, for every provider:
 * <ul>
 * <li>the blobs: {@code string name, string signature} (RFC 4253 §6.6) and the public key
 *     blob of the key type ({@link PublicKeyBlob});
 * <li>which keys are accepted: keys of the type only, and RSA keys of at least
 *     {@link PublicKeyBlob#MIN_RSA_BITS} bits;
 * <li>the form of a peer's inner signature: RSA signatures shorter than the modulus are
 *     left-padded (RFC 8332 §3), ECDSA halves must lie in [1, n-1] (RFC 5656 §3.1.2),
 *     Ed25519 signatures are 64 bytes (RFC 8709 §6);
 * <li>{@code verify} answers false, and never throws, for anything a peer can send: a blob
 *     naming another algorithm (so SHA-1 {@code ssh-rsa}, RFC 8332 §3, never verifies under
 *     an {@code rsa-sha2-*} name), a malformed blob, a key of another type, or an exception
 *     in the library.
 * </ul>
 * Immutable and thread-safe when the primitive is.
 */
public final class SshSignature implements SignatureAlgorithm {
    private final String name;
    private final KeyType keyType;
    private final SignaturePrimitive primitive;

    /**
     * @param name the signature algorithm's SSH name, e.g. {@code rsa-sha2-512}
     * @param keyType the key format it signs with, e.g. {@link KeyType#SSH_RSA}
     * @param primitive the library's signing and verifying
     */
    public SshSignature(String name, KeyType keyType, SignaturePrimitive primitive) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.primitive = Objects.requireNonNull(primitive, "primitive");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String keyType() {
        return keyType.sshName();
    }

    @Override
    public boolean isSupported() {
        return primitive.isSupported();
    }

    @Override
    public boolean accepts(PublicKey key) {
        if (key == null || KeyType.of(key).orElse(null) != keyType) {
            return false;
        }
        return keyType != KeyType.SSH_RSA
                || ((RSAPublicKey) key).getModulus().bitLength() >= PublicKeyBlob.MIN_RSA_BITS;
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!accepts(key)) {
            throw new IllegalArgumentException("not a usable " + keyType.sshName() + " key");
        }
        return PublicKeyBlob.encode(key);
    }

    @Override
    public PublicKey decodePublicKey(byte[] blob) throws SshProtocolException {
        return PublicKeyBlob.decode(blob, keyType);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        return new SignatureBlob(name, primitive.sign(key, data, random)).encode();
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        if (data == null || signatureBlob == null || !accepts(key)) {
            return false;
        }
        byte[] inner = SignatureBlob.signatureFor(name, signatureBlob)
                .map(sig -> InnerSignatureForm.normalise(keyType, key, sig))
                .orElse(null);
        if (inner == null) {
            return false;
        }
        try {
            return primitive.verify(key, data, inner);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return primitive.generateKeyPair(random);
    }

    @Override
    public String toString() {
        return name;
    }
}
