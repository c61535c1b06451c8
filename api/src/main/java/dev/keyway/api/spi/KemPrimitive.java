package dev.keyway.api.spi;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The library-specific half of a key encapsulation mechanism (ML-KEM, FIPS 203; Streamlined
 * NTRU Prime): make a key pair, encapsulate to a peer's encapsulation key, decapsulate a
 * ciphertext. {@link EphemeralKeyExchange#hybrid} pairs it with a classic agreement and applies
 * the SSH rules of a post-quantum hybrid exchange around both (OpenSSH's
 * {@code mlkem768x25519-sha256} and {@code sntrup761x25519-sha512}; the IETF draft
 * {@code draft-ietf-sshm-mlkem-hybrid-kex}).
 *
 * <p>Fixed sizes let the hybrid split a peer's value into its two halves and refuse any other
 * length before the library sees it.
 *
 * @param <D> the library's decapsulation (private) key type, opaque to the caller
 */
public interface KemPrimitive<D> {

    /** A human name for traces, e.g. {@code ML-KEM-768}. */
    String name();

    /** Bytes of an encapsulation key, e.g. 1184 for ML-KEM-768 (FIPS 203 §8). */
    int encapsulationKeyBytes();

    /** Bytes of a ciphertext, e.g. 1088 for ML-KEM-768. */
    int ciphertextBytes();

    /** A fresh key pair. */
    KeyPair<D> generate(SecureRandom random);

    /**
     * Encapsulates a new shared secret to a peer's encapsulation key. The key has the declared
     * length; a library check it fails (FIPS 203 §7.2's modulus check) throws.
     */
    Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) throws GeneralSecurityException;

    /** The shared secret in a ciphertext of the declared length. The caller wipes it. */
    byte[] decapsulate(D decapsulationKey, byte[] ciphertext) throws GeneralSecurityException;

    /** Whether the underlying library offers the mechanism here. */
    default boolean isSupported() {
        return true;
    }

    /**
     * A key pair.
     *
     * @param decapsulationKey the library's private key, never leaves the exchange
     * @param encapsulationKey the public half as sent on the wire
     * @param <D> the library's private key type
     */
    record KeyPair<D>(D decapsulationKey, byte[] encapsulationKey) {
        @Override
        public String toString() {
            return "KeyPair[" + encapsulationKey.length + "-byte encapsulation key]";
        }
    }

    /**
     * What encapsulation gives: the ciphertext for the peer and the shared secret, which the
     * caller wipes with {@link #wipe()}.
     *
     * @param ciphertext sent to the holder of the decapsulation key
     * @param secret the shared secret
     */
    record Encapsulation(byte[] ciphertext, byte[] secret) {
        /** Overwrites the secret. */
        public void wipe() {
            Arrays.fill(secret, (byte) 0);
        }

        @Override
        public String toString() {
            return "Encapsulation[" + ciphertext.length + "-byte ciphertext, secret redacted]";
        }
    }
}
