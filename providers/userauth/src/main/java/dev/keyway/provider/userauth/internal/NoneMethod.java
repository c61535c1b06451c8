package dev.keyway.provider.userauth.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import java.util.Optional;

/**
 * The {@code none} method (RFC 4252 §5.2): a request without fields. The server core answers
 * it with FAILURE unless the embedder allows it; when allowed, it succeeds.
 */
public final class NoneMethod {
    static final String NAME = "none";

    /** The method as a plugin. */
    public static final UserAuthMethod METHOD = new MethodPlugin(NAME, context -> new Client(), context -> new Server());

    private NoneMethod() {
    }

    private static final class Client implements ClientAuthExchange {
        private boolean sent;

        @Override
        public Optional<byte[]> nextRequest() {
            if (sent) {
                return Optional.empty();
            }
            sent = true;
            return Optional.of(new byte[0]);
        }

        @Override
        public ClientStep onMessage(byte[] payload) throws SshProtocolException {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "none takes no method messages");
        }
    }

    private static final class Server implements ServerAuthExchange {
        @Override
        public Outcome onRequest(SshReader methodFields) throws SshProtocolException {
            methodFields.expectEnd();
            return new Outcome.Success();
        }

        @Override
        public Outcome onMessage(byte[] payload) throws SshProtocolException {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "none takes no method messages");
        }
    }
}
