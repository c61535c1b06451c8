package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.Ed25519Encoding;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * {@code ssh-ed25519} (RFC 8709 §3, §6) on {@link Ed25519Signer}: pure Ed25519 of RFC 8032
 * §5.1, a 64-byte signature.
 */
final class Ed25519Signature implements SignatureAlgorithm {
    static final String NAME = "ssh-ed25519";
    private static final int SIGNATURE_BYTES = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String keyType() {
        return KeyType.SSH_ED25519.sshName();
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
        if (!(BcKeys.privateParameters(key) instanceof Ed25519PrivateKeyParameters priv)) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, priv);
        signer.update(data, 0, data.length);
        return new SignatureBlob(NAME, signer.generateSignature()).encode();
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(NAME, signatureBlob).orElse(null);
        if (sig == null || sig.length != SIGNATURE_BYTES || !accepts(key)) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(Ed25519Encoding.rawPublicKey(key), 0));
            verifier.update(data, 0, data.length);
            return verifier.verifySignature(sig);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
        g.init(new Ed25519KeyGenerationParameters(random));
        return BcKeys.toJca(g.generateKeyPair(), "Ed25519");
    }
}
