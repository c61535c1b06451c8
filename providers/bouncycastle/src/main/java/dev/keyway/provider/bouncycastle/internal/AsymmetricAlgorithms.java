package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/** The asymmetric algorithms of this provider, in preference order. */
public final class AsymmetricAlgorithms {
    private AsymmetricAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        return List.of(
                new X25519Exchange("curve25519-sha256"),
                new X25519Exchange("curve25519-sha256@libssh.org"),
                new EcdhP256Exchange(),
                new Ed25519Signature(),
                new EcdsaP256Signature(),
                RsaSha2Signature.sha512(),
                RsaSha2Signature.sha256());
    }
}
