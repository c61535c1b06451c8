package dev.keyway.conformance;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A test fixture: {@code password} (RFC 4252 §8) in a few lines, which can be broken on
 * purpose to prove that the user authentication checks notice.
 */
record ToyPasswordMethod(Flaw flaw) implements UserAuthMethod {
    static final ToyPasswordMethod HONEST = new ToyPasswordMethod(Flaw.NONE);
    static final String USER = "alice";

    /** A fixture whose authenticator knows alice with password "right". */
    static final UserAuthFixture FIXTURE = UserAuthFixture.withSecret(USER,
            Map.of(PasswordSource.class, PasswordSource.once("right".toCharArray())),
            Map.of(PasswordSource.class, PasswordSource.once("wrong".toCharArray())),
            Map.of(PasswordAuthenticator.class,
                    (PasswordAuthenticator) (user, pw) -> USER.equals(user) && "right".equals(new String(pw))));

    enum Flaw {
        NONE,
        /** The server half says Success whatever the password. */
        ACCEPTS_ANY_PASSWORD,
        /** The server half sends a message saying the user does not exist. */
        TELLS_UNKNOWN_USERS,
        /** The server half reads the fields by hand and runs off their end. */
        TRUSTS_LENGTH_FIELDS
    }

    @Override
    public String name() {
        return "password";
    }

    @Override
    public ClientAuthExchange startClient(ClientAuthContext context) {
        PasswordSource source = context.credential(PasswordSource.class).orElse(null);
        if (source == null) {
            return null;
        }
        int[] attempt = {0};
        return new ClientAuthExchange() {
            @Override
            public Optional<byte[]> nextRequest() {
                return source.password(context.userName(), ++attempt[0]).map(pw -> new SshWriter()
                        .writeBoolean(false).writeString(new String(pw).getBytes(StandardCharsets.UTF_8)).toByteArray());
            }

            @Override
            public ClientStep onMessage(byte[] payload) throws SshProtocolException {
                if (payload.length > 0 && payload[0] == 60) {
                    return new ClientStep.GiveUp(); // PASSWD_CHANGEREQ, RFC 4252 §8
                }
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "no messages");
            }
        };
    }

    @Override
    public ServerAuthExchange startServer(ServerAuthContext context) {
        return new ServerAuthExchange() {
            @Override
            public Outcome onRequest(SshReader fields) throws SshProtocolException {
                byte[] password;
                if (flaw == Flaw.TRUSTS_LENGTH_FIELDS) {
                    byte[] raw = fields.readRemaining();
                    int len = SshReader.uint32At(raw, 1);
                    password = java.util.Arrays.copyOfRange(raw, 5, 5 + len);
                } else {
                    fields.readBoolean();
                    password = fields.readString();
                    fields.expectEnd();
                }
                if (flaw == Flaw.TELLS_UNKNOWN_USERS && !USER.equals(context.userName())) {
                    return new Outcome.Reply(new SshWriter().writeByte(60).writeUtf8("no such user").toByteArray());
                }
                boolean right = context.authenticator(PasswordAuthenticator.class).orElseThrow()
                        .authenticate(context.userName(), new String(password, StandardCharsets.UTF_8).toCharArray());
                return right || flaw == Flaw.ACCEPTS_ANY_PASSWORD ? new Outcome.Success() : new Outcome.Failure();
            }

            @Override
            public Outcome onMessage(byte[] payload) throws SshProtocolException {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "no messages");
            }
        };
    }
}
