package dev.keyway.provider.mlkem;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import dev.keyway.provider.mlkem.internal.HybridAlgorithms;
import org.osgi.service.component.annotations.Component;
import java.util.List;

/**
 * The post-quantum hybrid key exchanges of ML-KEM (FIPS 203) beside an elliptic-curve
 * agreement, on Bouncy Castle's lightweight API:
 * <ul>
 * <li>{@code mlkem768x25519-sha256}: ML-KEM-768 and X25519 (OpenSSH 10's default);
 * <li>{@code mlkem768nistp256-sha256}: ML-KEM-768 and ECDH on P-256;
 * <li>{@code mlkem1024nistp384-sha384}: ML-KEM-1024 and ECDH on P-384.
 * </ul>
 * All three as {@code draft-ietf-sshm-mlkem-hybrid-kex} defines them, through the API's
 * {@link dev.keyway.api.spi.EphemeralKeyExchange#hybrid}, which applies the SSH rules.
 *
 * <p>Priority 100, the rank of the Bouncy Castle provider whose library it uses: below the
 * JDK provider (200), so that should the JDK provider offer these names one day, it is
 * preferred by default, as for every other name both offer.
 */
@Component(service = AlgorithmProvider.class)
public final class MlKemAlgorithmProvider implements AlgorithmProvider {
    /** The name to use in {@code preferProviders}. */
    public static final String NAME = "mlkem";

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
        return HybridAlgorithms.list();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
