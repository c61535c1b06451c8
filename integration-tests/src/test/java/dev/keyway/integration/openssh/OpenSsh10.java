package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenSSH 10, next to the system's OpenSSH: {@code .ci/openssh10} unpacks Debian's
 * bookworm-backports packages ({@code openssh-client}, {@code openssh-server},
 * {@code openssh-sftp-server}) with {@code dpkg -x} into {@code target/openssh10} at the
 * repository root and writes {@code complete} there when it is done. Its {@code sshd} runs
 * {@code sshd-session} and {@code sshd-auth} from where the package was built to live unless
 * {@code SshdSessionPath} and {@code SshdAuthPath} (sshd_config(5), OpenSSH 9.8 and 10.0) say
 * otherwise, so every {@link SshdServer} of this installation names the unpacked ones.
 */
public final class OpenSsh10 {
    /** The tests run in {@code integration-tests/}; the script unpacks at the repository root. */
    private static final Path ROOT = Path.of("..", "target", "openssh10");

    private OpenSsh10() {
    }

    /** The unpacked OpenSSH 10, or a failed (CI) or aborted (elsewhere) test that says how to get it. */
    static OpenSshInstallation require() {
        Optional<OpenSshInstallation> unpacked = ifUnpacked();
        if (unpacked.isEmpty()) {
            InstalledProgram.missing("OpenSSH 10 is not unpacked in " + root()
                    + "; run .ci/openssh10 (it fetches Debian's bookworm-backports packages; .ci/run does this in CI)");
        }
        return unpacked.orElseThrow();
    }

    /**
     * The unpacked OpenSSH 10, if {@code .ci/openssh10} has run: public for the end-to-end
     * benchmark ({@code …integration.bench}), whose post-quantum row needs its {@code ssh}
     * and which leaves out that row without it.
     */
    public static Optional<OpenSshInstallation> ifUnpacked() {
        Path root = root();
        if (!Files.isRegularFile(root.resolve("complete"))) {
            return Optional.empty();
        }
        Path helpers = root.resolve("usr/lib/openssh");
        List<String> sshdConfig = new ArrayList<>(List.of("SshdSessionPath " + helpers.resolve("sshd-session")));
        if (Files.isExecutable(helpers.resolve("sshd-auth"))) {
            sshdConfig.add("SshdAuthPath " + helpers.resolve("sshd-auth"));
        }
        OpenSshInstallation openSsh = OpenSshInstallation.identify(root.resolve("usr/sbin/sshd"),
                root.resolve("usr/bin/ssh"), root.resolve("usr/bin/ssh-keygen"), sshdConfig);
        if (openSsh.major() != 10) {
            fail("expected OpenSSH 10 in " + root + ", found " + openSsh.major() + "." + openSsh.minor()
                    + "; run .ci/openssh10 --refresh");
        }
        return Optional.of(openSsh);
    }

    private static Path root() {
        return ROOT.toAbsolutePath().normalize();
    }
}
