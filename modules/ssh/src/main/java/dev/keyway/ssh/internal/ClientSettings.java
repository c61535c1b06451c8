package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.TransportConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every session of one client shares: where algorithms come from, host key check, limits, observers, banner
 * handler, the variables every session channel asks for (RFC 4254 §6.4), and the keepalive
 * (ssh's ServerAliveInterval).
 */
public record ClientSettings(AlgorithmSource algorithms, AlgorithmPolicy policy, HostKeyVerifier verifier,
        long rekeyAfterBytes, ConnectionConfig connection, ConnectionLimits limits, Duration timeout,
        SessionObservers observers, Consumer<String> banners, Map<String, String> environment, KeepAlive serverAlive) {

    public ClientSettings {
        environment = Map.copyOf(environment);
    }

    /**
     * The algorithms of a connection that starts now.
     *
     * @throws IllegalStateException when they leave a KEXINIT field empty
     */
    AlgorithmRegistry snapshot() {
        AlgorithmRegistry now = algorithms.snapshot();
        OfferCheck.require(policy, now);
        return now;
    }

    TransportConfig transport(AlgorithmRegistry registry) {
        return TransportConfig.builder(registry).policy(policy).hostKeyVerifier(verifier)
                .rekeyAfterBytes(rekeyAfterBytes).build();
    }
}
