package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 (RFC 7748 §5) on the JDK's XDH, behind {@code curve25519-sha256} (RFC 8731 §3). The
 * JDK speaks u as a number; SSH carries it as 32 little-endian bytes, so this class converts.
 *
 * <p>The private scalar is exactly the 32 bytes the JDK's key pair generator draws with one
 * {@code nextBytes} call (clamping happens inside the scalar multiplication), which is what
 * lets the conformance kit run RFC 7748 vectors through a {@code SecureRandom} that returns
 * fixed bytes.
 */
final class Curve25519Agreement implements KeyAgreementPrimitive<PrivateKey> {
    /** Bytes of a public value (RFC 7748 §5). */
    static final int VALUE_BYTES = 32;

    @Override
    public boolean isSupported() {
        try {
            KeyAgreement.getInstance("XDH");
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    @Override
    public Ephemeral<PrivateKey> generate(SecureRandom random) {
        KeyPair own;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("XDH");
            g.initialize(NamedParameterSpec.X25519, random);
            own = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is unavailable", e);
        }
        return new Ephemeral<>(own.getPrivate(), encode(((XECPublicKey) own.getPublic()).getU()));
    }

    /** u as 32 little-endian bytes (RFC 7748 §5, encodeUCoordinate). */
    private static byte[] encode(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[VALUE_BYTES];
        for (int i = 0; i < VALUE_BYTES && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    /** The JDK refuses small-order points itself; the exchange checks the output anyway. */
    @Override
    public byte[] agree(PrivateKey own, byte[] peerValue) throws GeneralSecurityException {
        // RFC 7748 §5 decodeUCoordinate: little-endian, and the top bit is masked off.
        byte[] be = new byte[VALUE_BYTES];
        for (int i = 0; i < VALUE_BYTES; i++) {
            be[i] = peerValue[VALUE_BYTES - 1 - i];
        }
        be[0] &= 0x7f;
        KeyAgreement ka = KeyAgreement.getInstance("XDH");
        ka.init(own);
        ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be))), true);
        return ka.generateSecret();
    }
}
