package dev.keyway.provider.userauth.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.api.keys.KeyFingerprint;
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

        /**
         * A key is taken when its algorithm is one the server accepts (RFC 8308 §3.1, what it
         * announced in {@code server-sig-algs}), it decodes, the embedder's authenticator takes
         * it for this user from this client, and, for a signed request, the signature over the
         * session verifies. The authenticator and the verification run on the server's
         * authentication pool, off the network thread.
         */
        @Override
        public Outcome onRequest(SshReader methodFields) throws SshProtocolException {
            PublicKeyFields fields = PublicKeyFields.decode(methodFields);
            Optional<SignatureAlgorithm> algorithm = context.publicKeyAlgorithms().contains(fields.algorithm())
                    ? context.registry().signature(fields.algorithm()) : Optional.empty();
            PublicKey key = algorithm.flatMap(a -> decode(a, fields.keyBlob())).orElse(null);
            Optional<PublicKeyAuthenticator> check = context.authenticator(PublicKeyAuthenticator.class);
            if (key == null || check.isEmpty()) {
                return new Outcome.Failure();
            }
            String user = context.userName();
            java.net.InetSocketAddress client = context.clientAddress().orElse(null);
            String credential = algorithm.get().keyType() + " " + KeyFingerprint.sha256(fields.keyBlob());
            if (!fields.isSigned()) {
                return new Outcome.Pending(context.offload(() -> check.get().authorize(user, key, client).isPresent()
                        ? new Outcome.Reply(new PkOk(fields.algorithm(), fields.keyBlob()).encode())
                        : new Outcome.Failure(false, credential)));
            }
            byte[] data = PublicKeyFields.signedData(context.sessionId(), user, context.serviceName(),
                    fields.algorithm(), fields.keyBlob());
            SignatureAlgorithm verifier = algorithm.get();
            return new Outcome.Pending(context.offload(() -> {
                Optional<LoginRestrictions> authorized = check.get().authorize(user, key, client);
                boolean verified = verifier.verify(key, data, fields.signature());
                return verified && authorized.isPresent() ? new Outcome.Success(authorized.get(), credential)
                        : new Outcome.Failure(false, credential);
            }));
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
