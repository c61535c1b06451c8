package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.integration.PostQuantumKeyExchanges;
import java.util.List;

/**
 * The two OpenSSH releases the post-quantum tests meet: the system's (9.2 on Debian bookworm,
 * CI's machine) and 10 as {@code .ci/openssh10} unpacks it. Each defaults to a different
 * hybrid: OpenSSH 9.0 made Streamlined NTRU Prime with X25519 its first key exchange, OpenSSH
 * 10.0 {@code mlkem768x25519-sha256} (release notes; ssh_config(5) KexAlgorithms).
 */
enum OpenSshRelease {
    SYSTEM {
        @Override
        OpenSshInstallation require() {
            return OpenSshInstallation.require();
        }
    },
    OPENSSH_10 {
        @Override
        OpenSshInstallation require() {
            return OpenSsh10.require();
        }
    };

    /** This release's programs, or a failed (CI) or aborted (elsewhere) test. */
    abstract OpenSshInstallation require();

    /**
     * What this OpenSSH and Keyway agree on when neither is told which key exchange to use, in
     * either role: the hybrid OpenSSH lists first, which Keyway's defaults offer before any
     * classic method. OpenSSH 10.0 lists {@code mlkem768x25519-sha256} first. OpenSSH 9.0 to
     * 9.8 list Streamlined NTRU Prime first: upstream under its OpenSSH name, while Debian 12's
     * 9.2 has the RFC name {@code sntrup761x25519-sha512} too and puts it first; which one is
     * read from {@code ssh -G}. Other releases (9.9 lists ML-KEM, but not first) are not judged here.
     */
    static String defaultAgreement(OpenSshInstallation openSsh) {
        if (openSsh.major() == 10) {
            return PostQuantumKeyExchanges.MLKEM768_X25519;
        }
        assumeTrue(openSsh.major() == 9 && openSsh.minor() <= 8,
                "no expected default for OpenSSH " + openSsh.major() + "." + openSsh.minor());
        String first = openSsh.defaultKexAlgorithms().get(0);
        assertTrue(List.of(PostQuantumKeyExchanges.SNTRUP761_X25519, PostQuantumKeyExchanges.SNTRUP761_X25519_OPENSSH)
                .contains(first), "OpenSSH " + openSsh.major() + "." + openSsh.minor() + " puts " + first + " first");
        return first;
    }
}
