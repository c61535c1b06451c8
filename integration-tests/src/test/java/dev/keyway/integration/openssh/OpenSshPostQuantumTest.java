package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.integration.KeywayCommand;
import dev.keyway.integration.PostQuantumKeyExchanges;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.TransportEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Post-quantum hybrid key exchange between Keyway and OpenSSH, the system's 9.2 and 10.0
 * ({@link OpenSshRelease}), both ways, each session logging in and running a command:
 * <ul>
 * <li>with nothing configured on either side, they agree on the hybrid the OpenSSH release
 * puts first ({@code mlkem768x25519-sha256} for 10.0, {@code sntrup761x25519-sha512} for Debian
 * 12's 9.2, {@link OpenSshRelease#defaultAgreement}): {@code ssh} against an {@link SshServer}
 * and against {@code keyway server}, an
 * {@link SshClient} (with a re-exchange) and {@code keyway ssh} against {@code sshd};
 * <li>each hybrid Keyway has that the release implements, chosen by one side only.
 * </ul>
 * The choice is read from both ends: {@code ssh -v}'s "kex: algorithm:" line or
 * {@code keyway ssh -v}'s "key exchange:" line, and the Keyway side's own negotiation.
 */
class OpenSshPostQuantumTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static AlgorithmRegistry registry;
    /** The user's key, made by ssh-keygen, for ssh and keyway ssh; the same pair for SshClient. */
    private static Path userKey;
    private static String userKeyLine;
    /** A Keyway server with default settings, and what each of its key exchanges chose. */
    private static SshServer server;
    private static int serverPort;
    private static Path serverKnownHosts;
    private static final List<String> serverChoices = new CopyOnWriteArrayList<>();
    /** One sshd per release, started when a test first needs it. */
    private static final Map<OpenSshRelease, SshdServer> SSHDS = new EnumMap<>(OpenSshRelease.class);

    @BeforeAll
    static void startKeywayServer() throws Exception {
        registry = AlgorithmRegistry.loadDefault();
        PostQuantumKeyExchanges.assertRegistered(registry);
        userKey = dir.resolve("id_ed25519");
        keygen(OpenSshInstallation.require(), userKey);
        userKeyLine = Files.readString(Path.of(userKey + ".pub"), StandardCharsets.US_ASCII).trim();
        byte[] authorized = Base64.getDecoder().decode(userKeyLine.split("\\s+")[1]);
        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        server = SshServer.builder().hostKeys(List.of(hostKey))
                .publicKeyAuthenticator((user, key) -> Arrays.equals(PublicKeyBlob.encode(key), authorized))
                .execHandler(new SystemShell())
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.AlgorithmsNegotiated n) {
                        serverChoices.add(n.algorithms().kex());
                    }
                })
                .build();
        serverPort = server.start().getPort();
        serverKnownHosts = Files.writeString(dir.resolve("known_hosts_keyway"), "[127.0.0.1]:" + serverPort
                + " ssh-ed25519 " + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(hostKey.getPublic())) + "\n");
    }

    @AfterAll
    static void stopServers() {
        if (server != null) {
            server.close();
        }
        List<String> died = new ArrayList<>();
        SSHDS.forEach((release, sshd) -> {
            if (!sshd.isAlive()) {
                died.add(release + ":\n" + sshd.log());
            }
            sshd.close();
        });
        assertTrue(died.isEmpty(), "sshd exited during the tests: " + died);
    }

    @ParameterizedTest
    @EnumSource(OpenSshRelease.class)
    void defaultSshAndDefaultKeywayServerAgree(OpenSshRelease release) throws Exception {
        OpenSshInstallation openSsh = release.require();
        String expected = OpenSshRelease.defaultAgreement(openSsh);
        sshRunsEchoOnKeywayServer(openSsh, expected, List.of());
    }

    @ParameterizedTest
    @EnumSource(OpenSshRelease.class)
    void defaultKeywayClientAndDefaultSshdAgreeAndReExchange(OpenSshRelease release) throws Exception {
        OpenSshInstallation openSsh = release.require();
        keywayClientRunsEchoOnSshd(release, openSsh, OpenSshRelease.defaultAgreement(openSsh), AlgorithmPolicy.defaults());
    }

    /** {@code keyway server} as a program, with its defaults, and {@code ssh} with its own. */
    @ParameterizedTest
    @EnumSource(OpenSshRelease.class)
    void defaultSshAndKeywayServerCommandAgree(OpenSshRelease release) throws Exception {
        OpenSshInstallation openSsh = release.require();
        String expected = OpenSshRelease.defaultAgreement(openSsh);
        Path hostKey = dir.resolve("host_" + release);
        keygen(openSsh, hostKey);
        Path authorized = Files.writeString(dir.resolve("authorized_keys_" + release), userKeyLine + "\n");
        try (KeywayServerProcess keyway = KeywayServerProcess.start(List.of("-p", "0", "-h", hostKey.toString(),
                "--authorized-keys", authorized.toString()))) {
            BoundedProcess.Result ssh = BoundedProcess.run(ssh(openSsh, keyway.port(),
                    List.of("-o", "StrictHostKeyChecking=accept-new",
                            "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts_command_" + release)),
                    "echo pq-command"), LIMIT);
            assertEquals(0, ssh.exitCode(), ssh.output() + "\nkeyway server:\n" + keyway.output());
            assertContains(ssh.output(), "kex: algorithm: " + expected);
            assertLine(ssh.output(), "pq-command");
        }
    }

    /** {@code keyway ssh} as a program, with its defaults, against sshd with its own. */
    @ParameterizedTest
    @EnumSource(OpenSshRelease.class)
    void keywaySshCommandAndDefaultSshdAgree(OpenSshRelease release) throws Exception {
        OpenSshInstallation openSsh = release.require();
        String expected = OpenSshRelease.defaultAgreement(openSsh);
        SshdServer sshd = sshd(release, openSsh);
        Process keyway = KeywayCommand.start(Map.of(), "ssh", "-v", "-i", userKey.toString(),
                "-p", String.valueOf(sshd.port()), "-o", "StrictHostKeyChecking=accept-new",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts_keyway_ssh_" + release),
                PublicKeyLogin.currentUser() + "@127.0.0.1", "echo pq-keyway-ssh");
        try {
            keyway.getOutputStream().close();
            assertTrue(keyway.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "keyway ssh did not finish");
            String out = new String(keyway.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, keyway.exitValue(), out + "\nsshd:\n" + sshd.log());
            assertContains(out, "key exchange:  " + expected);
            // The trace (stderr) and the output (stdout) share the stream, and may cut into each
            // other's lines; the trace quotes the data as "pq-keyway-ssh\\n", not with a newline.
            assertContains(out, "pq-keyway-ssh\n");
        } finally {
            BoundedProcess.stop(keyway);
        }
    }

    /** Every release × every hybrid Keyway has; those a release lacks are skipped with the reason. */
    static Stream<Arguments> releasesAndHybrids() {
        return Stream.of(OpenSshRelease.values())
                .flatMap(r -> PostQuantumKeyExchanges.all().stream().map(kex -> Arguments.of(r, kex)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("releasesAndHybrids")
    void sshOfferingOnlyThisHybrid(OpenSshRelease release, String kex) throws Exception {
        OpenSshInstallation openSsh = implementing(release, kex);
        sshRunsEchoOnKeywayServer(openSsh, kex, List.of("-o", "KexAlgorithms=" + kex));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("releasesAndHybrids")
    void keywayClientOfferingOnlyThisHybridReExchanges(OpenSshRelease release, String kex) throws Exception {
        OpenSshInstallation openSsh = implementing(release, kex);
        keywayClientRunsEchoOnSshd(release, openSsh, kex,
                AlgorithmPolicy.defaults().with(AlgorithmCategory.KEY_EXCHANGE, kex));
    }

    private static OpenSshInstallation implementing(OpenSshRelease release, String kex) {
        OpenSshInstallation openSsh = release.require();
        assumeTrue(openSsh.supported("kex").contains(kex),
                "OpenSSH " + openSsh.major() + "." + openSsh.minor() + " does not implement " + kex);
        return openSsh;
    }

    /** ssh with {@code options} runs a command on the default Keyway server, agreeing on {@code expected}. */
    private static void sshRunsEchoOnKeywayServer(OpenSshInstallation openSsh, String expected, List<String> options) {
        List<String> all = new ArrayList<>(List.of("-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + serverKnownHosts));
        all.addAll(options);
        serverChoices.clear();
        BoundedProcess.Result ssh = BoundedProcess.run(ssh(openSsh, serverPort, all, "echo pq"), LIMIT);
        assertEquals(0, ssh.exitCode(), ssh.output());
        assertContains(ssh.output(), "kex: algorithm: " + expected);
        assertLine(ssh.output(), "pq");
        assertEquals(List.of(expected), serverChoices, "what the Keyway server negotiated");
    }

    /**
     * An SshClient with {@code policy} logs in to this release's sshd, runs a command, re-exchanges
     * keys (RFC 4253 §9) and runs another: both key exchanges choose {@code expected}.
     */
    private static void keywayClientRunsEchoOnSshd(OpenSshRelease release, OpenSshInstallation openSsh,
            String expected, AlgorithmPolicy policy) throws Exception {
        SshdServer sshd = sshd(release, openSsh);
        List<String> choices = new CopyOnWriteArrayList<>();
        AtomicInteger keyExchanges = new AtomicInteger();
        try (SshClient client = SshClient.builder().policy(policy).timeout(LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(sshd.hostKey(key.keyType()).fingerprint()))
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.AlgorithmsNegotiated n) {
                        choices.add(n.algorithms().kex());
                    } else if (e instanceof TransportEvent.KeysEstablished k) {
                        keyExchanges.set(k.keyExchangeCount());
                    }
                })
                .build();
                ClientSession session = client.connect("127.0.0.1", sshd.port(), PublicKeyLogin.currentUser(),
                        Credentials.keyPairs(PrivateKeyFile.read(userKey)))) {
            assertEquals(expected, session.algorithms().kex());
            assertEquals("before\n", run(session, "echo before"), sshd.log());
            session.rekey();
            Deadline deadline = Deadline.Limit.ofSeconds(LIMIT.toSeconds()).start();
            while (keyExchanges.get() < 2 && !deadline.expired()) {
                deadline.pause(10);
            }
            assertEquals(2, keyExchanges.get(), "key exchanges completed; sshd:\n" + sshd.log());
            assertEquals("after\n", run(session, "echo after"), sshd.log());
            assertEquals(List.of(expected, expected), choices, "what the Keyway client negotiated");
        }
    }

    private static String run(ClientSession session, String command) throws Exception {
        RemoteProcess p = session.exec(command);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(LIMIT), command);
        return out;
    }

    /** This release's sshd with its compiled-in algorithm lists, the user's key authorized. */
    private static synchronized SshdServer sshd(OpenSshRelease release, OpenSshInstallation openSsh) throws Exception {
        SshdServer sshd = SSHDS.get(release);
        if (sshd == null) {
            Path home = Files.createDirectories(dir.resolve("sshd_" + release));
            sshd = SshdServer.startWithDefaultAlgorithms(openSsh, home);
            sshd.authorize(userKeyLine);
            SSHDS.put(release, sshd);
        }
        return sshd;
    }

    /** {@code ssh -v} with no configuration file, the user's key only, {@code options}, then the command. */
    private static List<String> ssh(OpenSshInstallation openSsh, int port, List<String> options, String command) {
        List<String> c = new ArrayList<>(List.of(openSsh.ssh().toString(), "-v", "-F", "/dev/null",
                "-p", String.valueOf(port), "-i", userKey.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "UpdateHostKeys=no", "-o", "ConnectTimeout=10"));
        c.addAll(options);
        c.addAll(List.of("tester@127.0.0.1", command));
        return c;
    }

    private static void keygen(OpenSshInstallation openSsh, Path file) {
        BoundedProcess.Result made = BoundedProcess.run(List.of(openSsh.sshKeygen().toString(), "-q", "-t", "ed25519",
                "-N", "", "-C", "", "-f", file.toString()), LIMIT);
        assertEquals(0, made.exitCode(), made.output());
    }

    /** ssh's debug lines and the command's output share one stream: the output is a line of its own. */
    private static void assertLine(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), "no line '" + line + "' in:\n" + text);
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "'" + expected + "' not in:\n" + text);
    }
}
