package dev.keyway.api.spi;

import java.security.SecureRandom;
import java.util.List;

/**
 * One side of the value flow every ECDH-style SSH exchange shares, in the terms of a key
 * encapsulation mechanism: the client sends a public value (an ephemeral public key or an
 * encapsulation key), the server answers with its own (a public key or a ciphertext) and K.
 * A Diffie-Hellman agreement is the special case in which "encapsulating" means making a key
 * pair and agreeing (DHKEM, RFC 9180 §4.1); a post-quantum hybrid such as
 * {@code mlkem768x25519-sha256} is another, giving K as a string.
 *
 * <p>This is the seam every KEM-shaped method goes through. Most providers never implement it:
 * {@link EphemeralKeyExchange#agreement} and {@link EphemeralKeyExchange#hybrid} build it from
 * a library's primitives with the SSH rules applied. A method of a new shape implements it and
 * passes it to {@link EphemeralKeyExchange#encapsulation}.
 *
 * <p>Implementations may throw anything on a bad value; {@link EphemeralKeyExchange} maps
 * every failure to {@code KEY_EXCHANGE_FAILED}.
 */
public interface KeyEncapsulation {

    /** Client: a fresh key; its value is Q_C. */
    Decapsulation generate(SecureRandom random);

    /** Server: checks Q_C and returns Q_S with K. */
    KeyExchangeAlgorithm.Response encapsulate(byte[] clientValue, SecureRandom random) throws Exception;

    /** Whether the library behind it is available. */
    boolean isSupported();

    /**
     * The parts of a value, for traces: the whole value when it is one part, the two halves of
     * a hybrid.
     *
     * @param fromClient Q_C when true, Q_S when false
     */
    default List<KeyExchangeAlgorithm.ValuePart> valueParts(boolean fromClient) {
        return List.of();
    }

    /** The client's key, waiting for the server's value. */
    interface Decapsulation {
        /** Q_C. */
        byte[] publicValue();

        /** Checks Q_S and derives K. */
        SharedSecret decapsulate(byte[] serverValue) throws Exception;
    }
}
