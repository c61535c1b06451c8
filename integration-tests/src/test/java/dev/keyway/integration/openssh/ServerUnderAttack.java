package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.transport.HostKeyVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code keyway server} as issue 8 attacks it: a program of its own with a 160 MiB heap
 * ({@code JDK_JAVA_OPTIONS=-Xmx160m}, which the {@code java} launcher reads, so
 * {@code JDK_JAVA_OPTIONS=-Xmx160m ./keyway server} does the same), an ed25519 host key and a
 * user key from {@code ssh-keygen}, and alice's password in a file. After an attack,
 * {@link #assertServes()} is the "done when": the listening socket still accepts and
 * OpenSSH's {@code ssh} logs in with the key and runs {@code echo ok}. The server's heap and CPU
 * time are read from outside ({@link JvmProbe}).
 */
final class ServerUnderAttack implements AutoCloseable {
    /** The heap issue 8 gives the server. */
    static final long HEAP = 160L * 1024 * 1024;
    static final String USER = "alice";
    static final String PASSWORD = "secret";
    /** What an attack may leave on the heap once it is over: lazily made objects of a first login, no more. */
    static final long HEAP_LEFT_BEHIND = 8L * 1024 * 1024;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final OpenSshInstallation openSsh;
    private final Path dir;
    private final OpenSshHostKey hostKey;
    private final KeywayServerProcess process;
    private final JvmProbe probe;

    private ServerUnderAttack(OpenSshInstallation openSsh, Path dir, OpenSshHostKey hostKey,
            KeywayServerProcess process) {
        this.openSsh = openSsh;
        this.dir = dir;
        this.hostKey = hostKey;
        this.process = process;
        this.probe = JvmProbe.of(process.pid());
    }

    /**
     * Starts the server in {@code dir} with {@code options} ({@code -o K=V} and the like); the
     * user key {@code id_ed25519} is authorized, after the lines of {@code authorizedKeys}.
     */
    static ServerUnderAttack start(Path dir, List<String> authorizedKeys, String... options) throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        OpenSshHostKey hostKey = openSsh.generateHostKey(dir, "ed25519");
        Path userKey = makeUserKey(openSsh, dir, "id_ed25519");
        List<String> lines = new ArrayList<>(authorizedKeys);
        lines.add(Files.readString(Path.of(userKey + ".pub"), StandardCharsets.US_ASCII).trim());
        Path authorized = Files.write(dir.resolve("authorized_keys"), lines, StandardCharsets.US_ASCII);
        Path passwords = Files.writeString(dir.resolve("passwords"), USER + ":" + PASSWORD + "\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        List<String> args = new ArrayList<>(List.of("-p", "0", "-h", hostKey.privateKeyFile().toString(),
                "--authorized-keys", authorized.toString(), "--password-file", passwords.toString()));
        args.addAll(List.of(options));
        KeywayServerProcess process = KeywayServerProcess.start(Map.of("JDK_JAVA_OPTIONS", "-Xmx160m"), args);
        try {
            ServerUnderAttack server = new ServerUnderAttack(openSsh, dir, hostKey, process);
            assertEquals(HEAP, server.probe.maxHeap(), "the server runs with -Xmx160m");
            return server;
        } catch (Exception | Error e) {
            process.close();
            throw e;
        }
    }

    /** Makes an ed25519 key without a passphrase in {@code dir}; returns its private key file. */
    static Path makeUserKey(OpenSshInstallation openSsh, Path dir, String name) {
        Path key = dir.resolve(name);
        BoundedProcess.Result made = BoundedProcess.run(List.of(openSsh.sshKeygen().toString(), "-q", "-t", "ed25519",
                "-N", "", "-C", name, "-f", key.toString()), LIMIT);
        assertEquals(0, made.exitCode(), made.output());
        return key;
    }

    int port() {
        return process.port();
    }

    /** Trusts the server's own host key only, as the Keyway clients of the attacks check it. */
    HostKeyVerifier hostKeyVerifier() {
        return key -> key.fingerprint().equals(hostKey.fingerprint());
    }

    /** What the server printed so far, its log included. */
    String output() {
        return process.output();
    }

    long heapUsedAfterGc() {
        return probe.heapUsedAfterGc();
    }

    /** The server's heap after a full collection and its CPU time so far: taken before an attack. */
    record Baseline(long heap, Duration cpu) {
    }

    Baseline baseline() {
        return new Baseline(heapUsedAfterGc(), cpuTime());
    }

    /**
     * After an attack: the server {@linkplain #assertServes() serves}, and its heap after a full
     * collection is back within {@link #HEAP_LEFT_BEHIND} of the baseline. Prints the heap
     * before and after and the CPU time the attack and the check cost, for docs/attacks.md.
     */
    void assertRecovered(String attack, Baseline baseline) throws IOException {
        assertServes();
        long after = heapUsedAfterGc();
        Duration cpu = cpuTime().minus(baseline.cpu());
        System.out.printf("%s: heap %s before, %s after; CPU %d ms%n", attack, mib(baseline.heap()), mib(after),
                cpu.toMillis());
        assertTrue(after - baseline.heap() < HEAP_LEFT_BEHIND, attack + " left " + mib(after - baseline.heap())
                + " on the heap");
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    Duration cpuTime() {
        return probe.cpuTime();
    }

    long pid() {
        return process.pid();
    }

    /**
     * The check after each attack: the process lives, the listening socket accepts and
     * sends the server's identification, {@code ssh -i id_ed25519 alice@127.0.0.1 'echo ok'}
     * prints "ok", and nothing the server logged is an exception or an internal error.
     */
    void assertServes() throws IOException {
        assertTrue(process.isAlive(), "keyway server is gone:\n" + output());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), (int) LIMIT.toMillis());
            s.setSoTimeout((int) LIMIT.toMillis());
            assertTrue(firstLine(s.getInputStream()).startsWith("SSH-2.0-"), "the server identifies itself");
        }
        BoundedProcess.Result ssh = ssh(dir.resolve("id_ed25519"), "echo ok");
        assertEquals(0, ssh.exitCode(), ssh.output() + "\nserver:\n" + output());
        assertEquals("ok\n", ssh.output());
        assertFalse(output().contains("Exception") || output().contains("internal error"),
                "the server logged a defect:\n" + output());
    }

    /** OpenSSH's {@code ssh} as alice with that key only and {@code more} options, running {@code command}; bounded. */
    BoundedProcess.Result ssh(Path key, String command, String... more) {
        List<String> line = new ArrayList<>(List.of(openSsh.ssh().toString(), "-F", "/dev/null",
                "-p", Integer.toString(port()), "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "ConnectTimeout=20",
                "-o", "LogLevel=ERROR"));
        line.addAll(List.of(more));
        line.addAll(List.of(USER + "@127.0.0.1", command));
        return BoundedProcess.run(line, LIMIT);
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n' && line.length() < 255; ) {
            line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public void close() {
        process.close();
    }
}
