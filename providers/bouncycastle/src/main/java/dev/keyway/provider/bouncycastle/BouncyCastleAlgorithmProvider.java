package dev.keyway.provider.bouncycastle;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import dev.keyway.provider.bouncycastle.internal.AsymmetricAlgorithms;
import dev.keyway.provider.bouncycastle.internal.SymmetricAlgorithms;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Every built-in algorithm on Bouncy Castle's lightweight API (no JCA provider is
 * registered), including {@code chacha20-poly1305@openssh.com}, which the JDK cannot build.
 */
@Component(service = AlgorithmProvider.class)
public final class BouncyCastleAlgorithmProvider implements AlgorithmProvider {
    /** The name to use in {@code preferProviders}. */
    public static final String NAME = "bouncycastle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        List<SshAlgorithm> all = new ArrayList<>(SymmetricAlgorithms.list());
        all.addAll(AsymmetricAlgorithms.list());
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
