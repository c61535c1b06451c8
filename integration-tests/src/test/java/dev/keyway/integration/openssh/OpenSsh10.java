package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSH 10, next to the system's OpenSSH: {@code .ci/openssh10} unpacks Debian's
 * bookworm-backports packages ({@code openssh-client}, {@code openssh-server},
 * {@code openssh-sftp-server}) with {@code dpkg -x} into {@code target/openssh10} at the
 * repository root and writes {@code complete} there when it is done. Its {@code sshd} runs
 * {@code sshd-session} and {@code sshd-auth} from where the package was built to live unless
 * {@code SshdSessionPath} and {@code SshdAuthPath} (sshd_config(5), OpenSSH 9.8 and 10.0) say
 * otherwise, so every {@link SshdServer} of this installation names the unpacked ones.
 */
final class OpenSsh10 {
    /** The tests run in {@code integration-tests/}; the script unpacks at the repository root. */
    private static final Path ROOT = Path.of("..", "target", "openssh10");

    private OpenSsh10() {
    }

    /** The unpacked OpenSSH 10, or a failed (CI) or aborted (elsewhere) test that says how to get it. */
    static OpenSshInstallation require() {
        Path root = ROOT.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("complete"))) {
            InstalledProgram.missing("OpenSSH 10 is not unpacked in " + root
                    + "; run .ci/openssh10 (it fetches Debian's bookworm-backports packages; .ci/run does this in CI)");
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
        return openSsh;
    }
}
