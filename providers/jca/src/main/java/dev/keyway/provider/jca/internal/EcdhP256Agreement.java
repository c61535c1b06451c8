package dev.keyway.provider.jca.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * ECDH on P-256 with the JDK's {@code ECDH}, behind {@code ecdh-sha2-nistp256} (RFC 5656 §4).
 * The exchange has validated the peer's point (RFC 5656 §4, SEC1 §3.2.2) before it gets here;
 * the JDK's secret is the shared point's x-coordinate, 32 bytes (SEC1 §3.3.1). The private
 * scalar follows {@link P256KeyPairs}.
 */
final class EcdhP256Agreement implements KeyAgreementPrimitive<PrivateKey> {

    @Override
    public Ephemeral<PrivateKey> generate(SecureRandom random) {
        KeyPair own = P256KeyPairs.generate(random);
        return new Ephemeral<>(own.getPrivate(), NistP256.encodePoint(((ECPublicKey) own.getPublic()).getW()));
    }

    @Override
    public byte[] agree(PrivateKey own, byte[] peerValue) throws GeneralSecurityException {
        ECPublicKeySpec peer;
        try {
            peer = new ECPublicKeySpec(
                    NistP256.decodePoint(peerValue, DisconnectReason.KEY_EXCHANGE_FAILED), NistP256.parameters());
        } catch (SshProtocolException e) {
            throw new GeneralSecurityException("not a P-256 point", e);
        }
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(own);
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(peer), true);
        return ka.generateSecret();
    }
}
