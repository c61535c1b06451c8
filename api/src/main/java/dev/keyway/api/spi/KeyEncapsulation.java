package dev.keyway.api.spi;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * One side of the value flow every ECDH-style SSH exchange shares, in the terms of a key
 * encapsulation mechanism: the client sends a public value (an ephemeral public key or an
 * encapsulation key), the server answers with its own (a public key or a ciphertext) and K.
 * A Diffie-Hellman agreement is the special case in which "encapsulating" means making a key
 * pair and agreeing (DHKEM, RFC 9180 §4.1); a post-quantum hybrid such as
 * {@code mlkem768x25519-sha256} would be another implementation, giving K as a string.
 *
 * <p>Implementations may throw anything on a bad value; {@link EphemeralKeyExchange} maps
 * every failure to {@code KEY_EXCHANGE_FAILED}.
 */
interface KeyEncapsulation {

    /** Client: a fresh key; its value is Q_C. */
    Decapsulation generate(SecureRandom random);

    /** Server: checks Q_C and returns Q_S with K. */
    KeyExchangeAlgorithm.Response encapsulate(byte[] clientValue, SecureRandom random) throws Exception;

    /** Whether the library behind it is available. */
    boolean isSupported();

    /** The client's key, waiting for the server's value. */
    interface Decapsulation {
        /** Q_C. */
        byte[] publicValue();

        /** Checks Q_S and derives K. */
        SharedSecret decapsulate(byte[] serverValue) throws Exception;
    }
}
