package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.ssh.ExitSignalException;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSH's {@code ssh} logs in to a Keyway {@link SshServer} with an ed25519 key that
 * {@code ssh-keygen} made, and runs commands through {@link SystemShell}: output, exit status
 * (RFC 4254 §6.10), 20 MiB through stdin and back under the server's 256 KiB windows,
 * interactive shells with ({@code ssh -tt}) and without ({@code ssh -T}) a pseudo-terminal,
 * and {@code ssh -C}: {@code zlib@openssh.com} from the login on (RFC 4253 §6.2, OpenSSH's
 * delayed compression), 16 MiB of zeros crossing in a small fraction of their size.
 */
class OpenSshClientSessionTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** 16 MiB of zeros for the compression tests. */
    private static final int SIZE = 16 << 20;

    @TempDir
    static Path dir;
    private static OpenSshInstallation openSsh;
    private static SshServer server;
    private static int port;
    private static Path userKey;
    private static Path knownHosts;
    /** The compression each session chose, server to client, and the bytes the server wrote. */
    private static final List<String> compressions = new CopyOnWriteArrayList<>();
    private static final AtomicLong written = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        openSsh = OpenSshInstallation.require();
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        userKey = dir.resolve("id_ed25519");
        BoundedProcess.Result made = BoundedProcess.run(List.of(openSsh.sshKeygen().toString(), "-q", "-t", "ed25519",
                "-N", "", "-C", "", "-f", userKey.toString()), Duration.ofSeconds(30));
        assertEquals(0, made.exitCode(), made.output());
        // "ssh-ed25519 AAAA...": the blob is what the server must see offered and signed with.
        byte[] authorized = Base64.getDecoder().decode(
                Files.readString(Path.of(userKey + ".pub")).trim().split("\\s+")[1]);
        server = SshServer.builder().registry(registry).hostKeys(List.of(hostKey))
                .publicKeyAuthenticator((user, key) -> Arrays.equals(PublicKeyBlob.encode(key), authorized))
                .execHandler(new SystemShell()).shellHandler(new SystemShell())
                .subsystemHandler("killed", context -> {
                    context.stdout().write("dying\n".getBytes(StandardCharsets.UTF_8));
                    throw new ExitSignalException("TERM", false, "terminated on purpose");
                })
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.AlgorithmsNegotiated a) {
                        compressions.add(a.algorithms().compressionServerToClient());
                    }
                })
                .wireObserver(bytes -> written.addAndGet(bytes.remaining()))
                .channelWindow(256 * 1024).build();
        InetSocketAddress address = server.start();
        port = address.getPort();
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " ssh-ed25519 "
                + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(hostKey.getPublic())) + "\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> ssh(String command) {
        List<String> c = sshTo("tester@127.0.0.1");
        c.add(command);
        return c;
    }

    /** ssh with a throw-away known_hosts and key and no configuration, options and destination last. */
    private static List<String> sshTo(String... optionsAndDestination) {
        List<String> c = new ArrayList<>(List.of(openSsh.ssh().toString(), "-F", "/dev/null", "-p", Integer.toString(port),
                "-i", userKey.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "UpdateHostKeys=no", "-o", "IdentityAgent=none",
                "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR"));
        c.addAll(List.of(optionsAndDestination));
        return c;
    }

    @Test
    void echoHello() {
        BoundedProcess.Result r = BoundedProcess.run(ssh("echo hello"), LIMIT);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("hello\n", r.output());
    }

    /** ssh's SetEnv sends env requests (RFC 4254 §6.4): the locale is taken, LD_PRELOAD is not. */
    @Test
    void setEnvReachesTheCommandWhenAccepted() {
        BoundedProcess.Result r = BoundedProcess.run(sshTo("-o", "SetEnv=LC_KEYWAY=from-ssh LD_PRELOAD=/tmp/evil.so",
                "tester@127.0.0.1", "echo \"$LC_KEYWAY/$LD_PRELOAD\""), LIMIT);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("from-ssh/\n", r.output());
    }

    @Test
    void exitStatusSeven() {
        BoundedProcess.Result r = BoundedProcess.run(ssh("exit 7"), LIMIT);
        assertEquals(7, r.exitCode(), r.output());
    }

    /**
     * A command killed by a signal ends with exit-signal (RFC 4254 §6.10): ssh takes it, shows
     * the output that came before, and exits 255 as it does when sshd's command dies so.
     */
    @Test
    void exitSignalEndsTheCommandForSsh() {
        BoundedProcess.Result r = BoundedProcess.run(sshTo("-s", "tester@127.0.0.1", "killed"), LIMIT);
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("dying\n"), r.output());
    }

    @Test
    void twentyMebibytesThroughCat() throws Exception {
        byte[] data = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Path input = dir.resolve("input.bin");
        Files.write(input, data);
        Path output = dir.resolve("output.bin");
        Path log = dir.resolve("cat.log");
        int exit = BoundedProcess.run(new ProcessBuilder(ssh("cat")).redirectInput(input.toFile())
                .redirectOutput(output.toFile()).redirectError(log.toFile()), LIMIT);
        assertEquals(0, exit, Files.readString(log));
        assertEquals(hex(data), hex(Files.readAllBytes(output)));
    }

    /**
     * {@code ssh -tt} with no command gets an interactive shell on a pseudo-terminal (RFC 4254
     * §6.2: pty-req, then shell): what is typed runs there, {@code TERM} comes from ssh's
     * environment, and the shell's exit status is ssh's.
     */
    @Test
    void sshWithATerminalGetsAnInteractiveShellOnAPseudoTerminal() throws Exception {
        assumeTrue(OpenSshInstallation.onPath("script"), "util-linux script is not installed");
        Result r = typeInto(sshTo("-tt", "tester@127.0.0.1"), "tty; echo \"term=$TERM\"; exit 3\n");
        assertEquals(3, r.status(), r.output());
        // The shell's prompt may come before it, as the line was typed ahead of the prompt.
        assertTrue(Pattern.compile("/dev/pts/\\d+\r\n").matcher(r.output()).find(), r.output());
        assertTrue(r.output().contains("term=xterm-256color\r\n"), r.output());
        assertFalse(r.output().contains("PTY allocation request failed"), r.output());
    }

    /** {@code ssh -T} asks for no terminal: the same shell runs on plain pipes. */
    @Test
    void sshWithoutATerminalGetsAShellOnPipes() throws Exception {
        Result r = typeInto(sshTo("-T", "tester@127.0.0.1"), "tty || echo \"no terminal\"; exit 3\n");
        assertEquals(3, r.status(), r.output());
        assertTrue(r.output().contains("not a tty\nno terminal\n"), r.output());
    }

    private record Result(int status, String output) {
    }

    /** Runs ssh with {@code typed} as its stdin and TERM=xterm-256color; output and errors merged. */
    private static Result typeInto(List<String> ssh, String typed) throws Exception {
        Path input = Files.writeString(Files.createTempFile(dir, "typed-", ".txt"), typed);
        Path output = Files.createTempFile(dir, "shown-", ".txt");
        ProcessBuilder b = new ProcessBuilder(ssh).redirectInput(input.toFile()).redirectOutput(output.toFile())
                .redirectErrorStream(true);
        b.environment().put("TERM", "xterm-256color");
        Process p = b.start();
        try {
            assertTrue(p.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS), () -> "ssh did not finish: " + read(output));
            return new Result(p.exitValue(), read(output));
        } finally {
            BoundedProcess.stop(p);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Runs {@code head -c SIZE /dev/zero} through ssh; returns the bytes the server wrote for it. */
    private static long zerosThrough(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("tester@127.0.0.1", "head -c " + SIZE + " /dev/zero | wc -c; head -c " + SIZE + " /dev/zero"));
        List<String> c = sshTo(all.toArray(String[]::new));
        long before = written.get();
        BoundedProcess.Result r = BoundedProcess.run(c, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), () -> r.output().substring(0, Math.min(200, r.output().length())));
        String out = r.output();
        int newline = out.indexOf('\n');
        assertEquals(String.valueOf(SIZE), out.substring(0, newline).trim());
        assertEquals(SIZE, out.length() - newline - 1, "every byte arrived");
        assertTrue(out.substring(newline + 1).chars().allMatch(ch -> ch == 0), "and they are the zeros sent");
        return written.get() - before;
    }

    @Test
    void sshDashCNegotiatesDelayedZlibAndShrinksTheStream() {
        compressions.clear();
        long onWire = zerosThrough("-C");
        assertEquals(List.of("zlib@openssh.com"), compressions);
        assertTrue(onWire < SIZE / 20, "16 MiB of zeros took " + onWire + " bytes on the wire");
    }

    @Test
    void withoutDashCNothingIsCompressed() {
        compressions.clear();
        long onWire = zerosThrough();
        assertEquals(List.of("none"), compressions);
        assertTrue(onWire > SIZE, "16 MiB took " + onWire + " bytes on the wire");
    }
}
