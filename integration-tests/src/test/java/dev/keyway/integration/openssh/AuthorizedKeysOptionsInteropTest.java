package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.keys.AuthorizedKeysAuthenticator;
import dev.keyway.keys.LineProblem;
import dev.keyway.ssh.SessionMessages;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authorized_keys} options applied by a Keyway server as sshd(8) applies them, with
 * OpenSSH's {@code ssh} as the client and sshd as the oracle: each case runs one file and one
 * {@code ssh} command line against a Keyway {@link SshServer} ({@link AuthorizedKeysAuthenticator},
 * {@link SystemShell}) and against a throw-away sshd, and both must answer alike: {@code from=}
 * refusing 127.0.0.1 or taking it, the first line that allows counting, {@code command=} with
 * {@code SSH_ORIGINAL_COMMAND}, {@code no-pty} and {@code restrict,pty}, an expired key, a
 * line with an unknown option skipped, {@code environment=} only when permitted. Forwarding
 * requests (X11, agent, TCP both ways) are refused by Keyway whatever the key allows, which
 * the server's own record of the messages shows.
 */
class AuthorizedKeysOptionsInteropTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern PTY = Pattern.compile("^/dev/pts/\\d+\r\n$");
    private static final String PTY_REFUSED = "PTY allocation request failed on channel 0";

    @TempDir
    static Path dir;
    private static OpenSshInstallation openSsh;
    private static Path userKey;
    /** The user's public key line, {@code ssh-ed25519 AAAA...}. */
    private static String key;
    private static KeyPair hostKey;
    /** sshd as shipped: PermitUserEnvironment no. */
    private static SshdServer sshd;
    private static SshdServer sshdWithUserEnvironment;

    @BeforeAll
    static void start() throws Exception {
        openSsh = OpenSshInstallation.require();
        userKey = dir.resolve("id_ed25519");
        BoundedProcess.Result made = BoundedProcess.run(List.of(openSsh.sshKeygen().toString(), "-q", "-t", "ed25519",
                "-N", "", "-C", "", "-f", userKey.toString()), LIMIT);
        assertEquals(0, made.exitCode(), made.output());
        key = Files.readString(Path.of(userKey + ".pub"), StandardCharsets.US_ASCII).trim();
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        SshdAlgorithms algorithms = SshdAlgorithms.common(registry, openSsh);
        sshd = SshdServer.start(openSsh, Files.createDirectory(dir.resolve("sshd")), algorithms);
        sshdWithUserEnvironment = SshdServer.start(openSsh, Files.createDirectory(dir.resolve("sshd-env")), algorithms,
                "PermitUserEnvironment yes");
    }

    @AfterAll
    static void stop() {
        for (SshdServer s : new SshdServer[] {sshd, sshdWithUserEnvironment}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** What a peer made of one ssh run: ssh's exit status and its output, stdout and stderr merged. */
    private record Answer(String peer, int exit, String output) {
        void expect(int status, String text) {
            assertEquals(status, exit, peer + ": " + output);
            assertEquals(text, output, peer);
        }

        void expectFailure(String text) {
            assertEquals(255, exit, peer + ": " + output);
            assertTrue(output.contains(text), peer + ": " + output);
        }
    }

    /** The file and the ssh run against Keyway and against sshd set up alike; Keyway's answer first. */
    private static List<Answer> both(String authorizedKeys, boolean permitUserEnvironment, String... sshArguments)
            throws Exception {
        Answer keyway = keyway(authorizedKeys, permitUserEnvironment, server -> { },
                port -> new ProcessBuilder(ssh(port, sshArguments)));
        SshdServer oracle = permitUserEnvironment ? sshdWithUserEnvironment : sshd;
        oracle.replaceAuthorizedKeys(authorizedKeys);
        return List.of(keyway, run("sshd", new ProcessBuilder(ssh(oracle.port(), sshArguments))));
    }

    private static List<Answer> both(String authorizedKeys, String... sshArguments) throws Exception {
        return both(authorizedKeys, false, sshArguments);
    }

    /** What the client {@code client} makes for a port gets from a Keyway server reading {@code authorizedKeys}. */
    private static Answer keyway(String authorizedKeys, boolean permitUserEnvironment,
            Consumer<SshServer.Builder> more, IntFunction<ProcessBuilder> client) throws IOException {
        AuthorizedKeysAuthenticator authenticator = AuthorizedKeysAuthenticator.of(AuthorizedKeys.parse(authorizedKeys))
                .permitUserEnvironment(permitUserEnvironment);
        SshServer.Builder builder = SshServer.builder().hostKeys(List.of(hostKey)).publicKeyAuthenticator(authenticator)
                .execHandler(new SystemShell()).shellHandler(new SystemShell());
        more.accept(builder);
        try (SshServer server = builder.build()) {
            return run("Keyway", client.apply(server.start().getPort()));
        }
    }

    /** Runs a client to its end (bounded), stdin empty unless redirected, output and errors in one file. */
    private static Answer run(String peer, ProcessBuilder client) throws IOException {
        Path output = Files.createTempFile(dir, "output-", ".txt");
        if (client.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            client.redirectInput(BoundedProcess.nullDevice());
        }
        int exit = BoundedProcess.run(client.redirectOutput(output.toFile()).redirectErrorStream(true), LIMIT);
        return new Answer(peer, exit, Files.readString(output, StandardCharsets.UTF_8));
    }

    /** ssh as the current user (the one a non-root sshd can serve), with the user key and no configuration. */
    private static List<String> ssh(int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of(openSsh.ssh().toString(), "-F", "/dev/null",
                "-p", Integer.toString(port), "-i", userKey.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR",
                "-l", PublicKeyLogin.currentUser()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String[] onLoopback(String... commandAndOptions) {
        List<String> args = new ArrayList<>(List.of(commandAndOptions));
        args.add(args.size() - 1, "127.0.0.1");
        return args.toArray(String[]::new);
    }

    @Test
    void fromRefusesOtherAddressesAndTheFirstLineThatAllowsCounts() throws Exception {
        for (Answer a : both("from=\"10.9.9.9\" " + key + "\n", onLoopback("echo in"))) {
            a.expectFailure("Permission denied");
        }
        String lines = "from=\"10.9.9.9\",command=\"echo first\" " + key + "\n"
                + "from=\"127.0.0.0/8,!127.0.0.2\",command=\"echo second\" " + key + "\n"
                + "command=\"echo third\" " + key + "\n";
        for (Answer a : both(lines, onLoopback("echo in"))) {
            a.expect(0, "second\n");
        }
    }

    @Test
    void aForcedCommandFindsTheClientsInSshOriginalCommand() throws Exception {
        String line = "command=\"echo \\\"[$SSH_ORIGINAL_COMMAND]\\\"\" " + key + "\n";
        for (Answer a : both(line, onLoopback("ls -l /"))) {
            a.expect(0, "[ls -l /]\n");
        }
    }

    /**
     * OpenSSH 9.2's ssh gives up when a terminal it was told to get ({@code -t}, {@code -tt})
     * is refused; on a terminal without {@code -t} it goes on, and the shell runs without one.
     */
    @Test
    void noPtyRefusesTheTerminal() throws Exception {
        for (Answer a : both("no-pty " + key + "\n", onLoopback("-tt", "tty"))) {
            a.expectFailure(PTY_REFUSED);
        }
        assumeTrue(OpenSshInstallation.onPath("script"), "util-linux script is not installed");
        for (Answer a : onTerminal("no-pty " + key + "\n", "tty; exit 4\n")) {
            assertEquals(4, a.exit(), a.peer() + ": " + a.output());
            assertTrue(a.output().contains("not a tty"), a.peer() + ": " + a.output());
            assertTrue(a.output().contains(PTY_REFUSED), a.peer() + ": " + a.output());
        }
    }

    @Test
    void restrictTakesTheTerminalAwayAndPtyGivesItBack() throws Exception {
        for (Answer a : both("restrict " + key + "\n", onLoopback("-tt", "tty"))) {
            a.expectFailure(PTY_REFUSED);
        }
        for (Answer a : both("restrict,pty " + key + "\n", onLoopback("-tt", "tty"))) {
            assertEquals(0, a.exit(), a.peer() + ": " + a.output());
            assertTrue(PTY.matcher(a.output()).find(), a.peer() + ": " + a.output());
        }
    }

    @Test
    void anExpiredKeyIsRefusedAndALaterLineMayStillTakeIt() throws Exception {
        for (Answer a : both("expiry-time=\"20000101\" " + key + "\n", onLoopback("echo in"))) {
            a.expectFailure("Permission denied");
        }
        String lines = "expiry-time=\"200001010000Z\",command=\"echo expired\" " + key + "\n"
                + "expiry-time=\"29991231\",command=\"echo valid\" " + key + "\n";
        for (Answer a : both(lines, onLoopback("echo in"))) {
            a.expect(0, "valid\n");
        }
    }

    @Test
    void aLineWithAnUnknownOptionIsSkipped() throws Exception {
        String lines = "frobnicate,command=\"echo skipped\" " + key + "\ncommand=\"echo taken\" " + key + "\n";
        assertEquals(List.of(new LineProblem(1, "unknown option \"frobnicate\"")), AuthorizedKeys.parse(lines).problems());
        for (Answer a : both(lines, onLoopback("echo in"))) {
            a.expect(0, "taken\n");
        }
        for (Answer a : both("frobnicate " + key + "\n", onLoopback("echo in"))) {
            a.expectFailure("Permission denied");
        }
    }

    /** As sshd's PermitUserEnvironment: off, the key's variables are dropped; on, they win over the client's. */
    @Test
    void environmentOnlyWhenPermitted() throws Exception {
        String line = "environment=\"KEYWAY_FROM_KEY=yes\",environment=\"LC_KEYWAY=key\" " + key + "\n";
        String[] run = onLoopback("-o", "SetEnv=LC_KEYWAY=client", "echo \"[$KEYWAY_FROM_KEY] [$LC_KEYWAY]\"");
        for (Answer a : both(line, false, run)) {
            a.expect(0, "[] [client]\n");
        }
        for (Answer a : both(line, true, run)) {
            a.expect(0, "[yes] [key]\n");
        }
    }

    /**
     * ssh with a terminal made by util-linux {@code script} and no {@code -t}, so that it asks
     * for a terminal for the shell and goes on without one; {@code typed} is the shell's input.
     */
    private static List<Answer> onTerminal(String authorizedKeys, String typed) throws Exception {
        Path input = Files.writeString(Files.createTempFile(dir, "typed-", ".txt"), typed);
        Answer keyway = keyway(authorizedKeys, false, server -> { }, port -> underScript(port, input));
        sshd.replaceAuthorizedKeys(authorizedKeys);
        return List.of(keyway, run("sshd", underScript(sshd.port(), input)));
    }

    private static ProcessBuilder underScript(int port, Path input) {
        String line = String.join(" ", ssh(port, "127.0.0.1").stream().map(AuthorizedKeysOptionsInteropTest::quoted).toList());
        return new ProcessBuilder("script", "-qec", line, "/dev/null").redirectInput(input.toFile());
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Keyway has no X11, agent or TCP forwarding: a key that allows them all still gets every
     * request refused. ssh says so (or, for the agent, which needs no reply, asked), and the
     * server's record shows it answered each with a failure and opened no channel of its own.
     */
    @Test
    void forwardingIsRefusedWhateverTheKeyAllows() throws Exception {
        Path agentSocket = dir.resolve("agent.sock");
        Path sshAgent = OpenSshInstallation.program("ssh-agent", "/usr/bin/ssh-agent", "/usr/local/bin/ssh-agent");
        // ssh asks to forward an agent only when it reaches one: a real, empty one.
        Process agent = new ProcessBuilder(sshAgent.toString(), "-D", "-a", agentSocket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        List<String> serverSaw = new CopyOnWriteArrayList<>();
        SessionMessages names = new SessionMessages();
        Consumer<SshServer.Builder> recorded = b -> b.messageObserver((sent, payload) ->
                serverSaw.add((sent ? "sent " : "received ") + names.describe(payload)));
        try {
            Deadline deadline = Deadline.Limit.ofSeconds(10).start();
            while (!Files.exists(agentSocket) && !deadline.expired()) {
                deadline.pause(20);
            }
            Answer forwarded = keyway(key + "\n", false, recorded, port -> {
                ProcessBuilder ssh = new ProcessBuilder(ssh(port, "-v", "-A", "-X", "-o", "ExitOnForwardFailure=no",
                        "-R", "0:127.0.0.1:9", "127.0.0.1", "echo ran"));
                ssh.environment().putAll(Map.of("DISPLAY", ":0", "SSH_AUTH_SOCK", agentSocket.toString()));
                return ssh;
            });
            assertEquals(0, forwarded.exit(), forwarded.output());
            for (String said : List.of("ran\n", "Requesting authentication agent forwarding.",
                    "X11 forwarding request failed on channel 0", "remote port forwarding failed for listen port 0")) {
                assertTrue(forwarded.output().contains(said), said + " in:\n" + forwarded.output());
            }
            keyway(key + "\n", false, recorded, port -> new ProcessBuilder(ssh(port, "-W", "127.0.0.1:9", "127.0.0.1")))
                    .expectFailure("stdio forwarding failed");
        } finally {
            BoundedProcess.stop(agent);
        }
        String record = String.join("\n", serverSaw);
        for (String asked : List.of("\"x11-req\"", "\"auth-agent-req@openssh.com\"", "\"tcpip-forward\"",
                "\"direct-tcpip\"")) {
            assertTrue(record.contains(asked), asked + " received, in:\n" + record);
        }
        for (String answered : List.of("sent SSH_MSG_CHANNEL_FAILURE", "sent SSH_MSG_REQUEST_FAILURE",
                "sent SSH_MSG_CHANNEL_OPEN_FAILURE")) {
            assertTrue(record.contains(answered), answered + " in:\n" + record);
        }
        assertFalse(record.contains("sent SSH_MSG_CHANNEL_OPEN "), "the server opened a channel:\n" + record);
        assertFalse(record.contains("sent SSH_MSG_REQUEST_SUCCESS"), record);
    }
}
