package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/** The asymmetric algorithms of this provider, in preference order. */
public final class AsymmetricAlgorithms {
    private AsymmetricAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        return List.of();
    }
}
