package dev.keyway.provider.userauth.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshReader;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The {@code publickey} method (RFC 4252 §7). The client offers each key first without a
 * signature and signs only after SSH_MSG_USERAUTH_PK_OK, like OpenSSH, so a key the server
 * does not want is never used. The server verifies every signature, even for a key it will
 * refuse, so that an unknown user costs the same work as a known one.
 */
public final class PublicKeyMethod {
    static final String NAME = "publickey";

    /** The method as a plugin. */
    public static final UserAuthMethod METHOD = new MethodPlugin(NAME,
            context -> context.credential(UserKeyPairs.class)
                    .filter(keys -> !keys.keyPairs().isEmpty())
                    .map(keys -> new PublicKeyClient(context, keys.keyPairs()))
                    .orElse(null),
            Server::new);

    private PublicKeyMethod() {
    }

    private record Server(ServerAuthContext context) implements ServerAuthExchange {

        @Override
        public Outcome onRequest(SshReader methodFields) throws SshProtocolException {
            PublicKeyFields fields = PublicKeyFields.decode(methodFields);
            Optional<SignatureAlgorithm> algorithm = context.registry().signature(fields.algorithm());
            PublicKey key = algorithm.flatMap(a -> decode(a, fields.keyBlob())).orElse(null);
            boolean authorized = key != null && context.authenticator(PublicKeyAuthenticator.class)
                    .map(check -> check.isAuthorized(context.userName(), key))
                    .orElse(false);
            if (!fields.isSigned()) {
                return authorized
                        ? new Outcome.Reply(new PkOk(fields.algorithm(), fields.keyBlob()).encode())
                        : new Outcome.Failure();
            }
            byte[] data = PublicKeyFields.signedData(context.sessionId(), context.userName(),
                    context.serviceName(), fields.algorithm(), fields.keyBlob());
            boolean verified = key != null && algorithm.get().verify(key, data, fields.signature());
            return verified && authorized ? new Outcome.Success() : new Outcome.Failure();
        }

        private static Optional<PublicKey> decode(SignatureAlgorithm algorithm, byte[] blob) {
            try {
                return Optional.of(algorithm.decodePublicKey(blob));
            } catch (SshProtocolException e) {
                // A key this server cannot use (a small RSA modulus, another curve) is refused,
                // not a protocol error: the client may hold other keys.
                return Optional.empty();
            }
        }

        @Override
        public Outcome onMessage(byte[] payload) throws SshProtocolException {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "publickey takes no client messages");
        }
    }
}
