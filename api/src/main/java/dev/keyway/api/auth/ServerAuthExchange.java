package dev.keyway.api.auth;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

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
        /**
         * The user is authenticated by this method.
         *
         * @param restrictions what the login may do (an {@code authorized_keys} line's options)
         * @param credential what the client proved itself with, for the server's log: a key's
         *        type and fingerprint; never a secret; empty when there is nothing to say
         */
        record Success(LoginRestrictions restrictions, String credential) implements Outcome {
            public Success {
                Objects.requireNonNull(restrictions, "restrictions");
                Objects.requireNonNull(credential, "credential");
            }

            /** Success without restrictions. */
            public Success() {
                this(LoginRestrictions.NONE, "");
            }
        }

        /** The method succeeded but more methods are required (RFC 4252 §5.1 partial success). */
        record PartialSuccess() implements Outcome {
        }

        /**
         * The attempt failed.
         *
         * @param secretChecked whether a secret was checked and found wrong (a password, an
         *        answer to a prompt): the server then answers only after its failure delay, so
         *        guessing is slow; a key the server does not take fails at once
         * @param credential what the client tried, for the server's log (a key's type and
         *        fingerprint); never a secret; empty when there is nothing to say
         */
        record Failure(boolean secretChecked, String credential) implements Outcome {
            public Failure {
                Objects.requireNonNull(credential, "credential");
            }

            /** A failure that checked no secret. */
            public Failure() {
                this(false, "");
            }

            /** A wrong password or answer. */
            public static Failure wrongSecret() {
                return new Failure(true, "");
            }
        }

        /** Send this method-specific message and wait, e.g. PK_OK or INFO_REQUEST. */
        record Reply(byte[] payload) implements Outcome {
        }

        /**
         * The outcome is not known yet: an embedder's check runs on the authentication pool
         * ({@link ServerAuthContext#offload}). The engine takes no further message from the
         * client until the stage completes; a stage that fails counts as a failed attempt.
         */
        record Pending(CompletionStage<Outcome> result) implements Outcome {
            public Pending {
                Objects.requireNonNull(result, "result");
            }
        }
    }
}
