package dev.keyway.api.auth;

import dev.keyway.api.SshProtocolException;
import java.util.Optional;

/** The client half of one authentication by one method. Not thread-safe. */
public interface ClientAuthExchange {

    /**
     * The method-specific fields of the next SSH_MSG_USERAUTH_REQUEST (everything after the
     * method name), or empty when the method has nothing more to try (every key refused).
     */
    Optional<byte[]> nextRequest();

    /**
     * A method-specific message from the server (numbers 60 to 79), whole payload.
     *
     * @return what to send back
     * @throws SshProtocolException when the message is malformed or unexpected
     */
    ClientStep onMessage(byte[] payload) throws SshProtocolException;

    /** What the client half wants sent after a method-specific message. */
    sealed interface ClientStep {
        /** Send this whole message, e.g. SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 §3.4). */
        record Send(byte[] payload) implements ClientStep {
        }

        /** Send a new request with these method-specific fields, e.g. the signed request after PK_OK. */
        record Request(byte[] methodFields) implements ClientStep {
        }

        /**
         * This method cannot go on (a password change request, RFC 4252 §8, or a prompt the
         * user cancelled, RFC 4256 §3.3); the core abandons it and tries the next method.
         */
        record GiveUp() implements ClientStep {
        }
    }
}
