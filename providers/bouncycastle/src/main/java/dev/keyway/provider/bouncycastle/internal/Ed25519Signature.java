package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.keys.Ed25519Encoding;
import dev.keyway.api.keys.SignaturePrimitive;
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
 * Pure Ed25519 (RFC 8032 §5.1) on {@link Ed25519Signer}, behind {@code ssh-ed25519}
 * (RFC 8709 §3, §6).
 */
final class Ed25519Signature implements SignaturePrimitive {

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        if (!(BcKeys.privateParameters(key) instanceof Ed25519PrivateKeyParameters priv)) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, priv);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(Ed25519Encoding.rawPublicKey(key), 0));
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(innerSignature);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
        g.init(new Ed25519KeyGenerationParameters(random));
        return BcKeys.toJca(g.generateKeyPair(), "Ed25519");
    }
}
