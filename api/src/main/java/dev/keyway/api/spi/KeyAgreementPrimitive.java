package dev.keyway.api.spi;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The library-specific half of a Diffie-Hellman style key exchange (ECDH on P-256,
 * RFC 5656 §4; X25519, RFC 8731 §3): make an ephemeral key pair, and combine its private
 * half with a peer's public value. {@link EphemeralKeyExchange#agreement} wraps it with the
 * SSH rules: the peer value check, the all-zero check, the mpint encoding of K and the
 * mapping of every failure to {@code KEY_EXCHANGE_FAILED}.
 *
 * @param <P> the library's private key type, opaque to the caller
 */
public interface KeyAgreementPrimitive<P> {

    /** A fresh ephemeral key pair, its public half in SSH wire form (Q_C or Q_S). */
    Ephemeral<P> generate(SecureRandom random);

    /**
     * The raw shared secret as an unsigned big-endian number: the x-coordinate for ECDH
     * (RFC 5656 §4, SEC1 §3.3.1), the 32 output bytes for X25519 read as they stand
     * (RFC 8731 §3.1). The peer value has passed the exchange's {@link PeerValueCheck}. The
     * caller wipes the returned array; throwing anything makes the exchange fail.
     */
    byte[] agree(P privateKey, byte[] peerValue) throws GeneralSecurityException;

    /** Whether the underlying library offers the agreement here. */
    default boolean isSupported() {
        return true;
    }

    /**
     * An ephemeral key pair.
     *
     * @param privateKey the library's private key, never leaves the exchange
     * @param publicValue the public value as sent on the wire
     * @param <P> the library's private key type
     */
    record Ephemeral<P>(P privateKey, byte[] publicValue) {
        @Override
        public String toString() {
            return "Ephemeral[" + publicValue.length + "-byte public value]";
        }
    }
}
