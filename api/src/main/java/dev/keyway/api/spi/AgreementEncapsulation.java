package dev.keyway.api.spi;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A Diffie-Hellman agreement in the shape of a {@link KeyEncapsulation} (DHKEM, RFC 9180
 * §4.1): both sides check the peer's value before the library sees it, refuse an all-zero
 * secret and encode K as an mpint (RFC 5656 §4, RFC 8731 §3.1).
 */
final class AgreementEncapsulation<P> implements KeyEncapsulation {
    private final KeyAgreementPrimitive<P> primitive;
    private final PeerValueCheck check;

    AgreementEncapsulation(KeyAgreementPrimitive<P> primitive, PeerValueCheck check) {
        this.primitive = primitive;
        this.check = check;
    }

    @Override
    public Decapsulation generate(SecureRandom random) {
        KeyAgreementPrimitive.Ephemeral<P> own = primitive.generate(random);
        byte[] publicValue = own.publicValue().clone();
        return new Decapsulation() {
            @Override
            public byte[] publicValue() {
                return publicValue.clone();
            }

            @Override
            public SharedSecret decapsulate(byte[] serverValue) throws Exception {
                return agree(own, serverValue);
            }
        };
    }

    @Override
    public KeyExchangeAlgorithm.Response encapsulate(byte[] clientValue, SecureRandom random) throws Exception {
        // Checked before a key pair is spent on a bad value, and again in agree.
        check.check(clientValue);
        KeyAgreementPrimitive.Ephemeral<P> own = primitive.generate(random);
        return new KeyExchangeAlgorithm.Response(own.publicValue().clone(), agree(own, clientValue));
    }

    @Override
    public boolean isSupported() {
        return primitive.isSupported();
    }

    private SharedSecret agree(KeyAgreementPrimitive.Ephemeral<P> own, byte[] peerValue) throws Exception {
        byte[] k = raw(own, peerValue);
        try {
            return SharedSecret.mpint(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** A fresh key pair of the primitive, for a hybrid's classic half. */
    KeyAgreementPrimitive.Ephemeral<P> newKey(SecureRandom random) {
        return primitive.generate(random);
    }

    /** The check of a peer's value, for a hybrid that wants it before spending a key pair. */
    void check(byte[] peerValue) throws Exception {
        check.check(peerValue);
    }

    /**
     * The raw agreed value, checked: the peer's value passes the check first, and an all-zero
     * result is refused. The caller wipes it.
     */
    byte[] raw(KeyAgreementPrimitive.Ephemeral<P> own, byte[] peerValue) throws Exception {
        check.check(peerValue);
        byte[] k = primitive.agree(own.privateKey(), peerValue.clone());
        if (k == null || isAllZero(k)) {
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
            // RFC 7748 §6.1, RFC 8731 §3: the peer sent a low-order point. Checked here
            // whatever the library claims to do.
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "shared secret is all zeros");
        }
        return k;
    }

    /** Looks at every byte whatever it finds, so the time taken says nothing of the secret. */
    private static boolean isAllZero(byte[] k) {
        int any = 0;
        for (byte b : k) {
            any |= b;
        }
        return any == 0;
    }
}
