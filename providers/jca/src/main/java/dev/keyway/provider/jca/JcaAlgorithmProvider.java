package dev.keyway.provider.jca;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import dev.keyway.provider.jca.internal.AsymmetricAlgorithms;
import dev.keyway.provider.jca.internal.SymmetricAlgorithms;
import dev.keyway.provider.jca.internal.ZlibCompression;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Algorithms on the JDK's own providers (SunJCE, SunEC, SunRsaSign). It ranks above Bouncy
 * Castle by default because the JDK's AES-GCM, AES-CTR and HMAC run on CPU intrinsics.
 */
@Component(service = AlgorithmProvider.class)
public final class JcaAlgorithmProvider implements AlgorithmProvider {
    /** The name to use in {@code preferProviders}. */
    public static final String NAME = "jca";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        List<SshAlgorithm> all = new ArrayList<>(SymmetricAlgorithms.list());
        all.addAll(AsymmetricAlgorithms.list());
        all.addAll(ZlibCompression.list());
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
