package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.keys.NistP256;
import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * ECDH on P-256 with {@link ECDHBasicAgreement}, behind {@code ecdh-sha2-nistp256}
 * (RFC 5656 §4): uncompressed points, checked by the exchange before they get here; the
 * secret is the shared point's x-coordinate as 32 bytes (SEC1 §3.3.1).
 */
final class EcdhP256Agreement implements KeyAgreementPrimitive<AsymmetricCipherKeyPair> {

    @Override
    public Ephemeral<AsymmetricCipherKeyPair> generate(SecureRandom random) {
        AsymmetricCipherKeyPair own = P256Domain.generate(random);
        return new Ephemeral<>(own, P256Domain.encode((ECPublicKeyParameters) own.getPublic()));
    }

    @Override
    public byte[] agree(AsymmetricCipherKeyPair own, byte[] peerValue) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(own.getPrivate());
        byte[] x = new byte[NistP256.FIELD_BYTES];
        NistP256.writeFixed(agreement.calculateAgreement(P256Domain.decode(peerValue)), x, 0);
        return x;
    }
}
