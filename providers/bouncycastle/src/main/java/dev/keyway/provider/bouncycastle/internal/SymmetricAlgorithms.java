package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/** The symmetric algorithms of this provider, in preference order. */
public final class SymmetricAlgorithms {
    private SymmetricAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        return List.of();
    }
}
