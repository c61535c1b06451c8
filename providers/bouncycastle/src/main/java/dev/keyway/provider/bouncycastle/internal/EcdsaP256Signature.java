package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.EcdsaSignature;
import dev.keyway.api.keys.SignaturePrimitive;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA over P-256 with SHA-256 on {@link ECDSASigner}, behind {@code ecdsa-sha2-nistp256}
 * (RFC 5656 §3.1.2). The nonce k is deterministic (RFC 6979 §3.2, {@link HMacDSAKCalculator}),
 * so signing needs no randomness and a weak random cannot leak the key through k.
 */
final class EcdsaP256Signature implements SignaturePrimitive {

    private static byte[] hash(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        if (!(BcKeys.privateParameters(key) instanceof ECPrivateKeyParameters priv)
                || !priv.getParameters().getCurve().equals(P256Domain.PARAMS.getCurve())) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, priv);
        BigInteger[] rs = signer.generateSignature(hash(data));
        return new EcdsaSignature(rs[0], rs[1]).encodeSsh();
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] innerSignature) {
        try {
            EcdsaSignature rs = EcdsaSignature.decodeSsh(innerSignature);
            if (!(BcKeys.publicParameters(key) instanceof ECPublicKeyParameters pub)) {
                return false;
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, pub);
            return verifier.verifySignature(hash(data), rs.r(), rs.s());
        } catch (SshProtocolException | IOException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return BcKeys.toJca(P256Domain.generate(random), "EC");
    }
}
