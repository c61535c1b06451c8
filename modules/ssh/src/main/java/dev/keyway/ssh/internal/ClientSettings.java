package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.TransportConfig;
import java.time.Duration;
import java.util.function.Consumer;

/** What every session of one client shares: algorithms, host key check, limits, observers, banner handler. */
public record ClientSettings(AlgorithmRegistry registry, AlgorithmPolicy policy, HostKeyVerifier verifier,
        long rekeyAfterBytes, ConnectionConfig connection, ConnectionLimits limits, Duration timeout,
        SessionObservers observers, Consumer<String> banners) {

    TransportConfig transport() {
        return TransportConfig.builder(registry).policy(policy).hostKeyVerifier(verifier)
                .rekeyAfterBytes(rekeyAfterBytes).build();
    }
}
