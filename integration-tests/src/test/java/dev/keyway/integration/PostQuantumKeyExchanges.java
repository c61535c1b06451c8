package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import java.util.List;

/**
 * The post-quantum hybrid key exchanges the {@code mlkem} and {@code sntrup} providers plug in,
 * named as the interop tests expect peers to name them: OpenSSH 10's default (ML-KEM-768 with
 * X25519, draft-ietf-sshm-mlkem-hybrid-kex), the two NIST-curve hybrids MINA SSHD and JSch
 * offer, and Streamlined NTRU Prime with X25519 under its RFC-track and its OpenSSH name
 * (draft-ietf-sshm-ntruprime-ssh). Named here rather than read from the registry, so a
 * provider missing from the test class path fails the tests instead of thinning them out.
 */
public final class PostQuantumKeyExchanges {
    public static final String MLKEM768_X25519 = "mlkem768x25519-sha256";
    public static final String MLKEM768_NISTP256 = "mlkem768nistp256-sha256";
    public static final String MLKEM1024_NISTP384 = "mlkem1024nistp384-sha384";
    public static final String SNTRUP761_X25519 = "sntrup761x25519-sha512";
    public static final String SNTRUP761_X25519_OPENSSH = "sntrup761x25519-sha512@openssh.com";

    private static final List<String> ALL = List.of(MLKEM768_X25519, MLKEM768_NISTP256, MLKEM1024_NISTP384,
            SNTRUP761_X25519, SNTRUP761_X25519_OPENSSH);

    private PostQuantumKeyExchanges() {
    }

    /** Every one of them; for {@code @MethodSource("dev.keyway.integration.PostQuantumKeyExchanges#all")}. */
    public static List<String> all() {
        return ALL;
    }

    /** Fails unless {@code registry} offers every one of them. */
    public static void assertRegistered(AlgorithmRegistry registry) {
        List<String> kex = registry.names(AlgorithmCategory.KEY_EXCHANGE);
        assertTrue(kex.containsAll(ALL), "the post-quantum providers are not all on the class path: " + kex);
    }
}
