package dev.keyway.api.auth;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;

/**
 * The server half of one request by one method. Outcomes never say which part of a failed
 * attempt was wrong (user name, password, key): RFC 4252 §5.1 FAILURE carries only the
 * methods that may continue.
 */
public interface ServerAuthExchange {

    /** The method-specific fields of SSH_MSG_USERAUTH_REQUEST, after the method name. */
    Outcome onRequest(SshReader methodFields) throws SshProtocolException;

    /** A method-specific message from the client (numbers 60 to 79), whole payload. */
    Outcome onMessage(byte[] payload) throws SshProtocolException;

    /** The result of one step. */
    sealed interface Outcome {
        /** The user is authenticated by this method. */
        record Success() implements Outcome {
        }

        /** The method succeeded but more methods are required (RFC 4252 §5.1 partial success). */
        record PartialSuccess() implements Outcome {
        }

        /** The attempt failed. */
        record Failure() implements Outcome {
        }

        /** Send this method-specific message and wait, e.g. PK_OK or INFO_REQUEST. */
        record Reply(byte[] payload) implements Outcome {
        }
    }
}
