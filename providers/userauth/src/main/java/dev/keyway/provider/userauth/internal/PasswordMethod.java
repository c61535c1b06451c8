package dev.keyway.provider.userauth.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import java.util.Optional;

/**
 * The {@code password} method (RFC 4252 §8). The client asks its {@link PasswordSource} once
 * per attempt. The server checks with the embedder's {@link PasswordAuthenticator}; it never
 * asks for a password change, and answers a client's change request with FAILURE, which
 * §8 allows when changing passwords is not supported.
 */
public final class PasswordMethod {
    static final String NAME = "password";

    /** The method as a plugin. */
    public static final UserAuthMethod METHOD = new MethodPlugin(NAME,
            context -> context.credential(PasswordSource.class)
                    .map(source -> new Client(source, context.userName()))
                    .orElse(null),
            Server::new);

    private PasswordMethod() {
    }

    private static final class Client implements ClientAuthExchange {
        private final PasswordSource source;
        private final String user;
        private int attempt;

        Client(PasswordSource source, String user) {
            this.source = source;
            this.user = user;
        }

        @Override
        public Optional<byte[]> nextRequest() {
            Optional<char[]> password = source.password(user, ++attempt);
            if (password.isEmpty()) {
                return Optional.empty();
            }
            char[] chars = password.get();
            PasswordFields fields = new PasswordFields(SecretText.encode(chars), null);
            SecretText.wipe(chars);
            try {
                return Optional.of(fields.encode());
            } finally {
                fields.wipe();
            }
        }

        @Override
        public ClientStep onMessage(byte[] payload) throws SshProtocolException {
            if (payload.length > 0 && (payload[0] & 0xff) == MethodMessages.PASSWD_CHANGEREQ) {
                // The password was right but has expired; Keyway cannot ask for a new one.
                return new ClientStep.GiveUp();
            }
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "unexpected message for password");
        }
    }

    private record Server(ServerAuthContext context) implements ServerAuthExchange {

        /**
         * The embedder's check runs on the authentication pool; the password is wiped once it
         * returned. A wrong one is a failure that checked a secret, answered after the delay.
         */
        @Override
        public Outcome onRequest(SshReader methodFields) throws SshProtocolException {
            PasswordFields fields = PasswordFields.decode(methodFields);
            Optional<PasswordAuthenticator> check = context.authenticator(PasswordAuthenticator.class);
            if (fields.isChange() || check.isEmpty()) {
                fields.wipe();
                return new Outcome.Failure();
            }
            char[] password;
            try {
                password = SecretText.decode(fields.password());
            } finally {
                fields.wipe();
            }
            String user = context.userName();
            java.util.concurrent.CompletionStage<Outcome> outcome = context.offload(() -> {
                try {
                    return check.get().authenticate(user, password) ? new Outcome.Success() : Outcome.Failure.wrongSecret();
                } finally {
                    SecretText.wipe(password);
                }
            });
            // A check the pool refused never ran: the password is wiped all the same.
            return new Outcome.Pending(outcome.whenComplete((result, failure) -> SecretText.wipe(password)));
        }

        @Override
        public Outcome onMessage(byte[] payload) throws SshProtocolException {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "password takes no method messages");
        }
    }
}
