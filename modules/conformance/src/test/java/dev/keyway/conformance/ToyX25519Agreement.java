package dev.keyway.conformance;

import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.security.SecureRandom;

/** X25519 on {@link ZeroAcceptingX25519}'s ladder, as the classic half of a toy hybrid. */
final class ToyX25519Agreement implements KeyAgreementPrimitive<byte[]> {
    /** The base point, u = 9 (RFC 7748 §4.1). */
    static byte[] base() {
        byte[] nine = new byte[32];
        nine[0] = 9;
        return nine;
    }

    @Override
    public Ephemeral<byte[]> generate(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return new Ephemeral<>(k, ZeroAcceptingX25519.x25519(k, base()));
    }

    @Override
    public byte[] agree(byte[] privateKey, byte[] peerValue) {
        return ZeroAcceptingX25519.x25519(privateKey, peerValue);
    }
}
