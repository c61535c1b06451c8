package dev.keyway.api.spi;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;

/**
 * The check a peer's key exchange value must pass before any library sees it: RFC 5656 §4
 * requires the recipient to verify an ECDH point, RFC 8731 §3 that an X25519 value is 32
 * bytes. For a KEM the client's value would be an encapsulation key and the server's a
 * ciphertext, each with its own check.
 */
@FunctionalInterface
public interface PeerValueCheck {

    /**
     * Returns normally for a usable value.
     *
     * @throws SshProtocolException when the value is unusable; any reason given is replaced
     *         by {@code KEY_EXCHANGE_FAILED}
     */
    void check(byte[] value) throws SshProtocolException;

    /** Values of exactly {@code bytes} bytes, e.g. 32 for X25519 (RFC 7748 §5, RFC 8731 §3). */
    static PeerValueCheck exactLength(int bytes) {
        return value -> {
            if (value.length != bytes) {
                throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                        "peer value is " + value.length + " bytes, not " + bytes);
            }
        };
    }
}
