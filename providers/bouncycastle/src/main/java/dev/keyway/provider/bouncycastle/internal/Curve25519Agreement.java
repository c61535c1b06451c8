package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * X25519 (RFC 7748 §5) on Bouncy Castle's {@link X25519Agreement}, behind
 * {@code curve25519-sha256} (RFC 8731 §3). Bouncy Castle speaks the raw 32-byte
 * little-endian u that SSH carries, so no conversion is needed.
 *
 * <p>{@link X25519PrivateKeyParameters#X25519PrivateKeyParameters(SecureRandom)} takes the
 * scalar from one 32-byte {@code nextBytes} call and clamps it, which X25519 does anyway;
 * so a fixed-bytes random injects an RFC 7748 scalar unchanged.
 */
final class Curve25519Agreement implements KeyAgreementPrimitive<X25519PrivateKeyParameters> {
    /** Bytes of a public value (RFC 7748 §5). */
    static final int VALUE_BYTES = X25519PublicKeyParameters.KEY_SIZE;

    @Override
    public Ephemeral<X25519PrivateKeyParameters> generate(SecureRandom random) {
        X25519PrivateKeyParameters own = new X25519PrivateKeyParameters(random);
        return new Ephemeral<>(own, own.generatePublicKey().getEncoded());
    }

    /**
     * Bouncy Castle masks the top bit of u itself (RFC 7748 §5 decodeUCoordinate) and throws
     * on an all-zero output; the exchange checks the output anyway.
     */
    @Override
    public byte[] agree(X25519PrivateKeyParameters own, byte[] peerValue) {
        byte[] k = new byte[VALUE_BYTES];
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(own);
        agreement.calculateAgreement(new X25519PublicKeyParameters(peerValue, 0), k, 0);
        return k;
    }
}
