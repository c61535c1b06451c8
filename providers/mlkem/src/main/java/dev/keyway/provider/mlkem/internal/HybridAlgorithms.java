package dev.keyway.provider.mlkem.internal;

import dev.keyway.api.spi.ClassicHalf;
import dev.keyway.api.spi.EphemeralKeyExchange;
import dev.keyway.api.spi.ExchangeDigest;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * The provider's key exchanges, in preference order, as {@code draft-ietf-sshm-mlkem-hybrid-kex}
 * defines them (§2; the X25519 one is also OpenSSH 10's default): Q_C = ek || Q_C(classic),
 * Q_S = ct || Q_S(classic), K = HASH(K_PQ || K_CL) as a string. The API's
 * {@link EphemeralKeyExchange#hybrid} applies these rules; this class only names the parts.
 */
public final class HybridAlgorithms {
    private HybridAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        return List.of(
                EphemeralKeyExchange.hybrid("mlkem768x25519-sha256", ExchangeDigest.SHA256,
                        MlKem.ML_KEM_768, ClassicHalf.x25519(new X25519Half())),
                EphemeralKeyExchange.hybrid("mlkem768nistp256-sha256", ExchangeDigest.SHA256,
                        MlKem.ML_KEM_768, ecdh(NistEcdh.P256)),
                EphemeralKeyExchange.hybrid("mlkem1024nistp384-sha384", ExchangeDigest.SHA384,
                        MlKem.ML_KEM_1024, ecdh(NistEcdh.P384)));
    }

    /** Uncompressed points, each checked on the curve before Bouncy Castle decodes it (RFC 5656 §4). */
    private static ClassicHalf<ECPrivateKeyParameters> ecdh(NistEcdh agreement) {
        return new ClassicHalf<>("ECDH " + agreement.curve().name(), agreement.curve().pointBytes(), agreement,
                agreement.curve()::checkKeyExchangeValue);
    }
}
