package dev.keyway.provider.jca;

import dev.keyway.api.AlgorithmCategory;
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

    /**
     * Below Bouncy Castle's 100 for key exchange and signatures: the JDK's X25519, Ed25519 and
     * P-256 arithmetic is 2 to 10 times slower than Bouncy Castle's on Java 17 and still slower on
     * Java 25 (KeyExchangeBenchmark, SignatureBenchmark; docs/performance.md). Its AES, on the
     * processor's instructions, keeps the lead for ciphers and MACs.
     */
    @Override
    public int priority(AlgorithmCategory category) {
        return category == AlgorithmCategory.KEY_EXCHANGE || category == AlgorithmCategory.HOST_KEY ? 50 : priority();
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
