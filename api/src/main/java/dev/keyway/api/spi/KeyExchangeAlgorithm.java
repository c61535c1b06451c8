package dev.keyway.api.spi;

import dev.keyway.api.SshProtocolException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;

/**
 * A key exchange method as a primitive: an agreement (ECDH, X25519) or a KEM (a post-quantum
 * hybrid) plus its hash. The message flow of RFC 5656 §4 / RFC 8731 (SSH_MSG_KEX_ECDH_INIT
 * carrying the client's value Q_C, SSH_MSG_KEX_ECDH_REPLY carrying the server's Q_S, the host
 * key and the signature of the exchange hash) lives once in the transport; an algorithm only
 * makes values and secrets.
 *
 * <p>For an agreement, the client's value is its ephemeral public key and the server's is
 * its own. For a KEM, the client's value is an encapsulation key and the server's is the
 * ciphertext.
 */
public non-sealed interface KeyExchangeAlgorithm extends SshAlgorithm {

    /** A new digest for the exchange hash H and the key derivation, e.g. SHA-256. */
    MessageDigest newDigest();

    /** Starts the client side: generates an ephemeral key. */
    Initiator initiate(SecureRandom random);

    /**
     * The server side: takes the client's value, checks it, and answers.
     *
     * @throws SshProtocolException with {@code KEY_EXCHANGE_FAILED} when the value is invalid
     *         (wrong length, not on the curve, a low-order point, an all-zero secret)
     */
    Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException;

    /**
     * The parts of a public value, for traces such as {@code keyway ssh -v} and the demo: a
     * hybrid's two halves (an ML-KEM encapsulation key and an X25519 public key); empty when
     * the value is one thing.
     *
     * @param fromClient Q_C when true, Q_S when false
     */
    default List<ValuePart> valueParts(boolean fromClient) {
        return List.of();
    }

    /** The client's half of one exchange. */
    interface Initiator {
        /** Q_C, sent in SSH_MSG_KEX_ECDH_INIT. */
        byte[] publicValue();

        /**
         * Derives K from the server's value.
         *
         * @throws SshProtocolException with {@code KEY_EXCHANGE_FAILED} when the value is invalid
         */
        SharedSecret complete(byte[] serverValue) throws SshProtocolException;
    }

    /**
     * The server's answer: Q_S for SSH_MSG_KEX_ECDH_REPLY and the shared secret.
     *
     * @param publicValue Q_S
     * @param secret K
     */
    record Response(byte[] publicValue, SharedSecret secret) {
    }

    /**
     * One part of a public value, in wire order.
     *
     * @param label what it is, e.g. {@code ML-KEM-768 ciphertext}
     * @param bytes its length
     */
    record ValuePart(String label, int bytes) {
    }
}
