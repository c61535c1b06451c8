package dev.keyway.provider.userauth.internal;

import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import java.util.function.Function;

/**
 * A {@link UserAuthMethod} (RFC 4252 §5) made of its name and the factories of its two
 * halves; each method's file holds only the halves.
 *
 * @param client starts the client half, or gives null when the client has no credential
 */
public record MethodPlugin(String name, Function<ClientAuthContext, ClientAuthExchange> client,
        Function<ServerAuthContext, ServerAuthExchange> server) implements UserAuthMethod {

    @Override
    public ClientAuthExchange startClient(ClientAuthContext context) {
        return client.apply(context);
    }

    @Override
    public ServerAuthExchange startServer(ServerAuthContext context) {
        return server.apply(context);
    }

    @Override
    public String toString() {
        return name;
    }
}
