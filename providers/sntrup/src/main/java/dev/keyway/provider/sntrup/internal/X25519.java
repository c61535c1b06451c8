package dev.keyway.provider.sntrup.internal;

import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * X25519 (RFC 7748 §5), the classic half of the hybrid, on Bouncy Castle's lightweight API (the
 * Bouncy Castle provider's own copy is in a package it does not export). The private scalar is
 * one 32-byte {@code nextBytes} draw, clamped by X25519 itself, so an RFC 7748 §6.1 key goes in
 * through the random unchanged. The hybrid refuses an all-zero output; Bouncy Castle throws on
 * one first.
 */
final class X25519 implements KeyAgreementPrimitive<X25519PrivateKeyParameters> {

    @Override
    public Ephemeral<X25519PrivateKeyParameters> generate(SecureRandom random) {
        X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(random);
        return new Ephemeral<>(key, key.generatePublicKey().getEncoded());
    }

    @Override
    public byte[] agree(X25519PrivateKeyParameters privateKey, byte[] peerValue) {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(privateKey);
        byte[] shared = new byte[agreement.getAgreementSize()];
        agreement.calculateAgreement(new X25519PublicKeyParameters(peerValue), shared, 0);
        return shared;
    }
}
