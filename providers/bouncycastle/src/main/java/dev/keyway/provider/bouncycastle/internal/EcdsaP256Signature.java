package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.EcdsaSignature;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
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
 * {@code ecdsa-sha2-nistp256} (RFC 5656 §3.1.2) on {@link ECDSASigner} with SHA-256. The
 * nonce k is deterministic (RFC 6979 §3.2, {@link HMacDSAKCalculator}), so signing needs no
 * randomness and a weak random cannot leak the key through k.
 */
final class EcdsaP256Signature implements SignatureAlgorithm {
    static final String NAME = "ecdsa-sha2-nistp256";

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
        return new SignatureBlob(NAME, new EcdsaSignature(rs[0], rs[1]).encodeSsh()).encode();
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) {
        byte[] sig = SignatureBlob.signatureFor(NAME, signatureBlob).orElse(null);
        if (sig == null || !accepts(key)) {
            return false;
        }
        try {
            EcdsaSignature rs = EcdsaSignature.decodeSsh(sig);
            if (!rs.inRange(NistP256.N) || !(BcKeys.publicParameters(key) instanceof ECPublicKeyParameters pub)) {
                return false;
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, pub);
            return verifier.verifySignature(hash(data), rs.r(), rs.s());
        } catch (SshProtocolException | IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return BcKeys.toJca(P256Domain.generate(random), "EC");
    }
}
