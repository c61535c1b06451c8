package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSSH programs the interop tests run against: {@code sshd}, {@code ssh} and
 * {@code ssh-keygen}, and others some tests need ({@link #program}). A missing one fails the test
 * under CI and skips it elsewhere ({@link InstalledProgram}). Public for the load tests
 * ({@code …integration.load}), which run {@code ssh} too.
 *
 * @param sshdConfig lines every {@code sshd_config} for this {@code sshd} needs: none for the
 *     system's OpenSSH; where its helper programs are for one unpacked elsewhere ({@link OpenSsh10})
 */
public record OpenSshInstallation(Path sshd, Path ssh, Path sshKeygen, int major, int minor, List<String> sshdConfig) {

    private static final Duration QUERY_LIMIT = Duration.ofSeconds(10);
    private static final Pattern VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");

    /** The installation, or a failed (CI) or aborted (elsewhere) test with the reason. */
    public static OpenSshInstallation require() {
        Path sshd = InstalledProgram.find("sshd", "/usr/sbin/sshd", "/usr/local/sbin/sshd");
        Path ssh = InstalledProgram.find("ssh", "/usr/bin/ssh", "/usr/local/bin/ssh");
        Path keygen = InstalledProgram.find("ssh-keygen", "/usr/bin/ssh-keygen", "/usr/local/bin/ssh-keygen");
        if (sshd == null || ssh == null || keygen == null) {
            InstalledProgram.missing("OpenSSH (sshd, ssh, ssh-keygen) is not installed; the interop tests need it"
                    + " (Debian: apt-get install openssh-server openssh-client)");
        }
        return identify(sshd, ssh, keygen, List.of());
    }

    /** These programs, their version read from {@code ssh -V}. */
    static OpenSshInstallation identify(Path sshd, Path ssh, Path keygen, List<String> sshdConfig) {
        // "ssh -V" prints e.g. "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19" on stderr.
        String banner = BoundedProcess.run(List.of(ssh.toString(), "-V"), QUERY_LIMIT).output();
        Matcher m = VERSION.matcher(banner);
        if (!m.find()) {
            fail("cannot read the OpenSSH version from: " + banner);
        }
        return new OpenSshInstallation(sshd, ssh, keygen, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                List.copyOf(sshdConfig));
    }

    /** Another OpenSSH program, e.g. {@code sftp} or {@code sftp-server}: found, or a failed (CI) or aborted test. */
    static Path program(String name, String... candidates) {
        return InstalledProgram.require(name, "OpenSSH's " + name + " is not installed; this test needs it"
                + " (Debian: apt-get install openssh-server openssh-client)", candidates);
    }

    /** Whether {@code program} is on the {@code PATH}, for a test that needs it beside OpenSSH (util-linux {@code script}). */
    static boolean onPath(String program) {
        return InstalledProgram.find(program) != null;
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** The names this OpenSSH implements in a category ({@code ssh -Q kex}, {@code cipher}, ...). */
    public Set<String> supported(String queryOption) {
        BoundedProcess.Result r = BoundedProcess.run(List.of(ssh.toString(), "-Q", queryOption), QUERY_LIMIT);
        if (r.exitCode() != 0) {
            fail("ssh -Q " + queryOption + " failed: " + r.output());
        }
        return Set.copyOf(r.output().lines().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * The key exchanges {@code ssh} offers when nothing is configured, in its order: the
     * {@code kexalgorithms} line of {@code ssh -G} (ssh(1)) with no configuration file.
     */
    List<String> defaultKexAlgorithms() {
        BoundedProcess.Result r = BoundedProcess.run(
                List.of(ssh.toString(), "-G", "-F", "/dev/null", "127.0.0.1"), QUERY_LIMIT);
        return r.output().lines().filter(l -> l.startsWith("kexalgorithms "))
                .map(l -> List.of(l.substring("kexalgorithms ".length()).trim().split(",")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kexalgorithms in ssh -G's output:\n" + r.output()));
    }

    /** Generates a host key without a passphrase and returns it with its fingerprint. */
    public OpenSshHostKey generateHostKey(Path dir, String type) throws IOException {
        Path file = dir.resolve("ssh_host_" + type + "_key");
        List<String> command = switch (type) {
            case "ed25519" -> List.of(sshKeygen.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", file.toString());
            case "ecdsa" -> List.of(sshKeygen.toString(), "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", "", "-f", file.toString());
            case "rsa" -> List.of(sshKeygen.toString(), "-q", "-t", "rsa", "-b", "3072", "-N", "", "-C", "", "-f", file.toString());
            default -> throw new IllegalArgumentException(type);
        };
        BoundedProcess.Result made = BoundedProcess.run(command, Duration.ofSeconds(30));
        if (made.exitCode() != 0) {
            fail("ssh-keygen -t " + type + " failed: " + made.output());
        }
        Path pub = Path.of(file + ".pub");
        // "256 SHA256:base64 comment (ED25519)": the second field is the fingerprint.
        BoundedProcess.Result listed = BoundedProcess.run(
                List.of(sshKeygen.toString(), "-l", "-E", "sha256", "-f", pub.toString()), QUERY_LIMIT);
        String[] fields = listed.output().trim().split("\\s+");
        if (listed.exitCode() != 0 || fields.length < 2 || !fields[1].startsWith("SHA256:")) {
            fail("ssh-keygen -lf " + pub + " gave: " + listed.output());
        }
        String[] publicLine = Files.readString(pub).trim().split("\\s+");
        return new OpenSshHostKey(file, publicLine[0], fields[1]);
    }
}
