package dev.keyway.osgi.internal;

import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/** A provider ranked by its service's {@code service.ranking} instead of its own priority. */
record RankedProvider(AlgorithmProvider provider, int priority) implements AlgorithmProvider {

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return provider.algorithms();
    }

    @Override
    public List<UserAuthMethod> userAuthMethods() {
        return provider.userAuthMethods();
    }

    @Override
    public String toString() {
        return provider + " (service.ranking " + priority + ")";
    }
}
