package dev.keyway.conformance;

import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/**
 * A provider as it is (name, priority, user authentication methods) but for its algorithms,
 * which are given: some left out, or each wrapped, for a test.
 *
 * @param provider the provider it stands for
 * @param algorithms what it offers instead of the provider's own algorithms
 */
public record ProviderWithAlgorithms(AlgorithmProvider provider, List<SshAlgorithm> algorithms)
        implements AlgorithmProvider {

    public ProviderWithAlgorithms {
        algorithms = List.copyOf(algorithms);
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public int priority() {
        return provider.priority();
    }

    @Override
    public List<UserAuthMethod> userAuthMethods() {
        return provider.userAuthMethods();
    }
}
