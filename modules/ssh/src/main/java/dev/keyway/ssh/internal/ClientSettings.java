package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.TransportConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every session of one client shares: algorithms, host key check, limits, observers, banner
 * handler, the variables every session channel asks for (RFC 4254 §6.4), and the keepalive
 * (ssh's ServerAliveInterval).
 */
public record ClientSettings(AlgorithmRegistry registry, AlgorithmPolicy policy, HostKeyVerifier verifier,
        long rekeyAfterBytes, ConnectionConfig connection, ConnectionLimits limits, Duration timeout,
        SessionObservers observers, Consumer<String> banners, Map<String, String> environment, KeepAlive serverAlive) {

    public ClientSettings {
        environment = Map.copyOf(environment);
    }

    TransportConfig transport() {
        return TransportConfig.builder(registry).policy(policy).hostKeyVerifier(verifier)
                .rekeyAfterBytes(rekeyAfterBytes).build();
    }
}
