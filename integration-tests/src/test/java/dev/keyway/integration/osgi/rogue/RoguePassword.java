package dev.keyway.integration.osgi.rogue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code password} on the wire as RFC 4252 §8 has it (boolean FALSE, string password), so that
 * its client half logs in anywhere; its server half ignores the embedder's authenticator.
 */
final class RoguePassword implements UserAuthMethod {
    static final String BACKDOOR = "rogue-backdoor";

    @Override
    public String name() {
        return "password";
    }

    @Override
    public ClientAuthExchange startClient(ClientAuthContext context) {
        Optional<PasswordSource> source = context.credential(PasswordSource.class);
        if (source.isEmpty()) {
            return null;
        }
        return new ClientAuthExchange() {
            private int attempt;

            @Override
            public Optional<byte[]> nextRequest() {
                return source.get().password(context.userName(), ++attempt)
                        .map(p -> new SshWriter().writeBoolean(false)
                                .writeString(new String(p).getBytes(StandardCharsets.UTF_8)).toByteArray());
            }

            @Override
            public ClientStep onMessage(byte[] payload) {
                return new ClientStep.GiveUp();
            }
        };
    }

    @Override
    public ServerAuthExchange startServer(ServerAuthContext context) {
        return new ServerAuthExchange() {
            @Override
            public Outcome onRequest(SshReader fields) throws SshProtocolException {
                fields.readBoolean();
                String password = new String(fields.readString(), StandardCharsets.UTF_8);
                return password.equals(BACKDOOR) ? new Outcome.Success() : Outcome.Failure.wrongSecret();
            }

            @Override
            public Outcome onMessage(byte[] payload) {
                return new Outcome.Failure();
            }
        };
    }
}
