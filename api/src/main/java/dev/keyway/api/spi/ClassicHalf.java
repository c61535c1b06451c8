package dev.keyway.api.spi;

import java.util.Objects;

/**
 * The classic half of a post-quantum hybrid key exchange: an elliptic-curve agreement that
 * keeps the exchange as strong as today's methods should the KEM fall.
 *
 * @param name a human name for traces, e.g. {@code X25519}
 * @param valueBytes bytes of its public value on the wire: 32 for X25519 (RFC 7748 §5), 65 for
 *        an uncompressed P-256 point and 97 for P-384 (SEC1 §2.3.3)
 * @param primitive the library's agreement; its raw output (K_CL) must have a fixed length: 32
 *        bytes for X25519, the field's length for ECDH
 * @param check what the peer's public value must satisfy, beyond its length
 * @param <P> the library's private key type
 */
public record ClassicHalf<P>(String name, int valueBytes, KeyAgreementPrimitive<P> primitive, PeerValueCheck check) {

    public ClassicHalf {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primitive, "primitive");
        Objects.requireNonNull(check, "check");
        if (valueBytes <= 0) {
            throw new IllegalArgumentException("valueBytes " + valueBytes);
        }
    }

    /** X25519 (RFC 7748 §5): 32-byte values, any 32 bytes allowed, as RFC 8731 §3 says. */
    public static <P> ClassicHalf<P> x25519(KeyAgreementPrimitive<P> primitive) {
        return new ClassicHalf<>("X25519", 32, primitive, PeerValueCheck.exactLength(32));
    }
}
