package dev.keyway.guice;

import dev.keyway.api.AlgorithmSource;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Set;

/**
 * Builds a new {@link SshClient} from the bindings each time one is asked for: the Guice
 * algorithm source and policy, the host key verifier, then the customizers. Its network thread
 * runs from then on; whoever gets it owns it and closes it.
 */
final class ClientFactory implements Provider<SshClient> {
    private final AlgorithmSource algorithms;
    private final AlgorithmPolicy policy;
    private final HostKeyVerifier verifier;
    private final Set<ClientCustomizer> customizers;

    @Inject
    ClientFactory(AlgorithmSource algorithms, AlgorithmPolicy policy, HostKeyVerifier verifier,
            Set<ClientCustomizer> customizers) {
        this.algorithms = algorithms;
        this.policy = policy;
        this.verifier = verifier;
        this.customizers = customizers;
    }

    @Override
    public SshClient get() {
        SshClient.Builder b = SshClient.builder().algorithms(algorithms).policy(policy).hostKeyVerifier(verifier);
        customizers.forEach(customizer -> customizer.customize(b));
        return b.build();
    }
}
