package dev.keyway.provider.mlkem.internal;

import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * X25519 (RFC 7748 §5) as the classic half of {@code mlkem768x25519-sha256}: 32-byte values
 * as SSH carries them (RFC 8731 §3), K_CL the 32 output bytes. The scalar is one 32-byte
 * {@code nextBytes}, clamped as the function does anyway, so an RFC 7748 §6.1 private key
 * injected through the random gives its published public key.
 */
final class X25519Half implements KeyAgreementPrimitive<X25519PrivateKeyParameters> {

    @Override
    public Ephemeral<X25519PrivateKeyParameters> generate(SecureRandom random) {
        X25519PrivateKeyParameters scalar = new X25519PrivateKeyParameters(random);
        return new Ephemeral<>(scalar, scalar.generatePublicKey().getEncoded());
    }

    /** The all-zero output of a low-order point is refused by the hybrid (RFC 7748 §6.1). */
    @Override
    public byte[] agree(X25519PrivateKeyParameters scalar, byte[] peerValue) {
        X25519Agreement function = new X25519Agreement();
        function.init(scalar);
        byte[] kcl = new byte[function.getAgreementSize()];
        function.calculateAgreement(new X25519PublicKeyParameters(peerValue), kcl, 0);
        return kcl;
    }
}
