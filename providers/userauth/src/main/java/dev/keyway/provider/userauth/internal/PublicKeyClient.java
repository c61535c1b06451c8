package dev.keyway.provider.userauth.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The client half of {@code publickey} (RFC 4252 §7): one key at a time, a query first, the
 * signed request after PK_OK, the next key after FAILURE.
 */
final class PublicKeyClient implements ClientAuthExchange {
    private final ClientAuthContext context;
    private final Iterator<KeyPair> keys;
    private KeyPair current;
    private SignatureAlgorithm algorithm;
    private byte[] blob;

    PublicKeyClient(ClientAuthContext context, List<KeyPair> keys) {
        this.context = context;
        this.keys = List.copyOf(keys).iterator();
    }

    @Override
    public Optional<byte[]> nextRequest() {
        while (keys.hasNext()) {
            KeyPair pair = keys.next();
            Optional<SignatureAlgorithm> choice = SignatureChoice.forKey(context.registry(), pair.getPublic(),
                    context.serverSignatureAlgorithms());
            if (choice.isPresent()) {
                current = pair;
                algorithm = choice.get();
                blob = algorithm.encodePublicKey(pair.getPublic());
                return Optional.of(PublicKeyFields.query(algorithm.name(), blob).encode());
            }
        }
        current = null;
        return Optional.empty();
    }

    @Override
    public ClientStep onMessage(byte[] payload) throws SshProtocolException {
        PkOk ok = PkOk.decode(payload);
        if (current == null || !ok.matches(algorithm.name(), blob)) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "PK_OK for a key not offered");
        }
        byte[] data = PublicKeyFields.signedData(context.sessionId(), context.userName(), context.serviceName(),
                algorithm.name(), blob);
        byte[] signature = algorithm.sign(current.getPrivate(), data, context.random());
        return new ClientStep.Request(new PublicKeyFields(algorithm.name(), blob, signature).encode());
    }
}
