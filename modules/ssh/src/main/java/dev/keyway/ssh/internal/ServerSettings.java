package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.ssh.CommandHandler;
import dev.keyway.ssh.SourcePenalties;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.TransportConfig;
import dev.keyway.userauth.UserAuthServerConfig;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What every session of one server shares: where algorithms come from and their policy, host keys, the embedder's
 * authenticators and handlers, the bounded pools that run commands and authentication
 * checks, the keepalive, the table of penalised sources, and the observers of every session.
 * Null means not configured.
 */
public record ServerSettings(AlgorithmSource algorithms, boolean pluggedAuthMethods, AlgorithmPolicy policy, List<KeyPair> hostKeys,
        PasswordAuthenticator passwords, PublicKeyAuthenticator publicKeys,
        KeyboardInteractiveAuthenticator keyboardInteractive, LoginRules login, CommandHandler exec, CommandHandler shell,
        Map<String, CommandHandler> subsystems, AcceptedEnvironment acceptedEnvironment, ConnectionConfig connection,
        long rekeyAfterBytes, SessionObservers observers, ExecutorService commands, ExecutorService checks,
        KeepAlive clientAlive, SourcePenalties.Table penalties) {

    public ServerSettings {
        hostKeys = List.copyOf(hostKeys);
        subsystems = Map.copyOf(subsystems);
    }

    TransportConfig transport(AlgorithmRegistry registry) {
        return TransportConfig.builder(registry).policy(policy).hostKeys(hostKeys).rekeyAfterBytes(rekeyAfterBytes).build();
    }

    /** The connection layer's settings, sending no more data per message than the transport frames. */
    ConnectionConfig connection(int maxChannelData) {
        return connection.withSendLimit(Math.min(connection.sendLimit(), maxChannelData));
    }

    /** The methods the embedder gave an authenticator for, in the order they are offered. */
    List<String> methods() {
        List<String> methods = new ArrayList<>();
        if (publicKeys != null) {
            methods.add("publickey");
        }
        if (keyboardInteractive != null) {
            methods.add("keyboard-interactive");
        }
        if (passwords != null) {
            methods.add("password");
        }
        return methods;
    }

    /**
     * Allows exactly the methods the embedder gave an authenticator for (RFC 4252 §5), with the
     * accepted public key algorithms of the policy (what server-sig-algs announced).
     */
    UserAuthServerConfig userAuth(AlgorithmRegistry registry, byte[] sessionId, InetSocketAddress client) {
        UserAuthServerConfig.Builder b = UserAuthServerConfig.builder(registry, sessionId).clientAddress(client)
                .publicKeyAlgorithms(policy.publicKeyAlgorithms(registry)).checkExecutor(checks);
        if (publicKeys != null) {
            b.authenticator(PublicKeyAuthenticator.class, publicKeys);
        }
        if (keyboardInteractive != null) {
            b.authenticator(KeyboardInteractiveAuthenticator.class, keyboardInteractive);
        }
        if (passwords != null) {
            b.authenticator(PasswordAuthenticator.class, passwords);
        }
        if (login.banner() != null) {
            b.banner(login.banner());
        }
        login.chains().forEach(chain -> b.requireChain(chain.toArray(String[]::new)));
        return b.allowMethods(methods().toArray(String[]::new)).maxAttempts(login.maxAuthTries())
                .loginGraceTime(login.loginGraceTime()).failureDelay(login.failureDelay()).build();
    }
}
