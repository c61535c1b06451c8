package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throw-away OpenSSH server on 127.0.0.1: {@code sshd -D -e -f <config>} with its own host
 * keys and configuration in a temporary directory, listening on a free port. Its log (stderr,
 * written straight to a file) is kept for failure messages. Close it to stop it. Public for the
 * end-to-end benchmark ({@code …integration.bench}), which measures against it.
 */
public final class SshdServer implements AutoCloseable {
    private static final Deadline.Limit START_LIMIT = Deadline.Limit.ofSeconds(10);

    private final Process process;
    private final Path directory;
    private final int port;
    private final Path log;
    private final Map<String, OpenSshHostKey> hostKeysByType;

    private SshdServer(Process process, Path directory, int port, Path log,
            Map<String, OpenSshHostKey> hostKeysByType) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.log = log;
        this.hostKeysByType = hostKeysByType;
    }

    /**
     * Starts sshd with an ed25519, an ECDSA P-256 and an RSA 3072 host key, offering the given
     * algorithms (OpenSSH names; each list must hold only names this sshd implements), and
     * any more sshd_config lines given, e.g. {@code PermitUserEnvironment yes}.
     */
    static SshdServer start(OpenSshInstallation openSsh, Path dir, SshdAlgorithms algorithms, String... moreConfig)
            throws IOException {
        return startOffering(openSsh, dir, algorithms, moreConfig);
    }

    /**
     * Starts sshd with the same host keys, offering the algorithms it offers when its
     * configuration names none: what a Debian sshd offers out of the box.
     */
    public static SshdServer startWithDefaultAlgorithms(OpenSshInstallation openSsh, Path dir) throws IOException {
        return startOffering(openSsh, dir, null);
    }

    /** {@code algorithms} {@code null}: sshd's compiled-in lists. */
    private static SshdServer startOffering(OpenSshInstallation openSsh, Path dir, SshdAlgorithms algorithms,
            String... moreConfig)
            throws IOException {
        Map<String, OpenSshHostKey> keys = new LinkedHashMap<>();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            OpenSshHostKey k = openSsh.generateHostKey(dir, type);
            keys.put(k.keyType(), k);
        }
        ensurePrivilegeSeparationDirectory();
        // A port picked now may be taken before sshd binds it; then sshd exits and we try again.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, config(dir, port, keys, algorithms, openSsh) + String.join("\n", moreConfig) + "\n",
                    StandardCharsets.US_ASCII);
            Path log = dir.resolve("sshd-" + attempt + ".log");
            Process p = new ProcessBuilder(openSsh.sshd().toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(BoundedProcess.nullDevice()))
                    .start();
            SshdServer server = new SshdServer(p, dir, port, log, Map.copyOf(keys));
            if (server.awaitListening()) {
                return server;
            }
            String why = server.log();
            server.close();
            if (attempt == 3 || !why.contains("Address already in use")) {
                fail("sshd did not start listening on 127.0.0.1:" + port + "; its log:\n" + why);
            }
        }
    }

    private static String config(Path dir, int port, Map<String, OpenSshHostKey> keys, SshdAlgorithms a,
            OpenSshInstallation openSsh) {
        List<String> lines = new ArrayList<>(List.of(
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "StrictModes no",
                "LogLevel VERBOSE",
                // The tests log in with keys of their own (see PublicKeyLogin), as whoever runs them.
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                // sshd's own SFTP server, for the clients' subsystem requests (RFC 4254 §6.5).
                "Subsystem sftp internal-sftp",
                // One variable the clients' env requests may set (RFC 4254 §6.4); sshd drops the rest.
                "AcceptEnv LC_KEYWAY",
                // Hundreds of short unauthenticated connections are the point here, not an attack.
                "MaxStartups 100:30:200"));
        if (a != null) {
            lines.addAll(List.of(
                    "KexAlgorithms " + a.kex(),
                    "HostKeyAlgorithms " + a.hostKeys(),
                    "Ciphers " + a.ciphers(),
                    "MACs " + a.macs()));
            if (a.userKeys() != null) {
                lines.add("PubkeyAcceptedAlgorithms " + a.userKeys());
            }
        }
        if (openSsh.atLeast(9, 8)) {
            // OpenSSH 9.8 penalises sources whose connections never authenticate.
            lines.add("PerSourcePenalties no");
        }
        lines.addAll(openSsh.sshdConfig());
        for (OpenSshHostKey k : keys.values()) {
            lines.add("HostKey " + k.privateKeyFile());
        }
        return String.join("\n", lines) + "\n";
    }

    /** sshd refuses to start without its privilege separation directory (root runs in CI). */
    private static void ensurePrivilegeSeparationDirectory() {
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            try {
                Files.createDirectories(privsep);
            } catch (IOException e) {
                // Not root: sshd will say what it misses in its log.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits for sshd's "Server listening" line, or for it to exit. */
    private boolean awaitListening() {
        Deadline deadline = START_LIMIT.start();
        String listening = "Server listening on 127.0.0.1 port " + port + ".";
        while (!deadline.expired()) {
            if (log().contains(listening)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            deadline.pause(20);
        }
        return false;
    }

    public int port() {
        return port;
    }

    /** The host key whose public key file names this key type. */
    public OpenSshHostKey hostKey(String keyType) {
        OpenSshHostKey k = hostKeysByType.get(keyType);
        if (k == null) {
            throw new IllegalArgumentException("no " + keyType + " host key; have " + hostKeysByType.keySet());
        }
        return k;
    }

    /**
     * Lets one more user key log in: a line appended to {@code authorized_keys}, e.g.
     * {@code ssh-ed25519 AAAA...}.
     */
    public void authorize(String authorizedKeysLine) throws IOException {
        Files.writeString(directory.resolve("authorized_keys"), authorizedKeysLine + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Replaces {@code authorized_keys} with {@code text}: the keys and options the next logins meet. */
    void replaceAuthorizedKeys(String text) throws IOException {
        Files.writeString(directory.resolve("authorized_keys"), text, StandardCharsets.UTF_8);
    }

    /** What sshd logged so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What sshd logged about the connection from this client port (its lines name the port). */
    String logOf(int clientPort) {
        String tag = "port " + clientPort;
        return String.join("\n", log().lines().filter(l -> l.contains(tag)).toList());
    }

    /** The listening sshd's process id; each connection is served by processes it forks. */
    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        BoundedProcess.stop(process);
    }
}
