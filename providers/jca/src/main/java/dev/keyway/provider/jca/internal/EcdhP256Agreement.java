package dev.keyway.provider.jca.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * {@code ecdh-sha2-nistp256} (RFC 5656 §4) on the JDK's ECDH. Public values are uncompressed
 * SEC1 points; a peer's point is validated by {@link NistP256#decodePoint} before the JDK
 * sees it (RFC 5656 §4: the recipient MUST verify it, SEC1 §3.2.2). K is the x-coordinate of
 * the shared point as an mpint (RFC 5656 §4, SEC1 §3.3.1). The private scalar follows
 * {@link P256KeyPairs}.
 */
final class EcdhP256Exchange implements KeyExchangeAlgorithm {
    static final String NAME = "ecdh-sha2-nistp256";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MessageDigest newDigest() {
        return Digests.sha256();
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        KeyPair own = P256KeyPairs.generate(random);
        byte[] publicValue = NistP256.encodePoint(((ECPublicKey) own.getPublic()).getW());
        return new Initiator() {
            @Override
            public byte[] publicValue() {
                return publicValue.clone();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
                return agree(own.getPrivate(), serverValue);
            }
        };
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        // Validate before spending a key pair on a bad value.
        NistP256.decodePoint(clientValue, DisconnectReason.KEY_EXCHANGE_FAILED);
        KeyPair own = P256KeyPairs.generate(random);
        return new Response(NistP256.encodePoint(((ECPublicKey) own.getPublic()).getW()),
                agree(own.getPrivate(), clientValue));
    }

    private static SharedSecret agree(PrivateKey own, byte[] peerValue) throws SshProtocolException {
        ECPublicKeySpec peer = new ECPublicKeySpec(
                NistP256.decodePoint(peerValue, DisconnectReason.KEY_EXCHANGE_FAILED), NistP256.parameters());
        byte[] x;
        try {
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(own);
            ka.doPhase(KeyFactory.getInstance("EC").generatePublic(peer), true);
            x = ka.generateSecret();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "ECDH agreement failed");
        }
        try {
            return SharedSecret.mpint(x);
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }
}
