package dev.keyway.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.TransportEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Keyway client against a Keyway server over TCP on 127.0.0.1, every layer stacked:
 * logins, commands run by {@link SystemShell}, exit statuses, stderr, and 20 MiB through a
 * 256 KiB channel window both ways, so that flow control is exercised.
 */
class SshSessionTest {
    static final Duration LIMIT = Duration.ofSeconds(20);
    private static final long WINDOW = 256 * 1024;
    private static final int BURST_CHUNK = 64 * 1024;
    private static final int BURST_CHUNKS = 48;
    static final char[] PASSWORD = "correct horse".toCharArray();

    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    private static final KeyPair HOST_KEY = ed25519();
    private static final KeyPair USER_KEY = ed25519();
    private static SshServer server;
    private static InetSocketAddress address;
    private static SshClient client;
    /** Threads for the tests' own readers and writers. */
    private static ExecutorService helpers;

    static KeyPair ed25519() {
        return REGISTRY.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    }

    static HostKeyVerifier expecting(KeyPair hostKey) {
        byte[] blob = PublicKeyBlob.encode(hostKey.getPublic());
        return key -> Arrays.equals(key.blob(), blob);
    }

    static SshServer.Builder serverBuilder() {
        byte[] userBlob = PublicKeyBlob.encode(USER_KEY.getPublic());
        return SshServer.builder().registry(REGISTRY).hostKeys(List.of(HOST_KEY))
                .passwordAuthenticator((user, password) -> user.equals("alice") && Arrays.equals(password, PASSWORD))
                .publicKeyAuthenticator((user, key) -> user.equals("bob")
                        && Arrays.equals(PublicKeyBlob.encode(key), userBlob))
                .execHandler(new SystemShell()).shellHandler(new SystemShell())
                .subsystemHandler("rot13", SystemShell.subsystem("tr a-z n-za-m"))
                .subsystemHandler("burst", context -> {
                    // Returns as soon as the writes are queued: most of the output still waits
                    // for the client's window when the exit status is due.
                    byte[] chunk = new byte[BURST_CHUNK];
                    for (int i = 0; i < BURST_CHUNKS; i++) {
                        Arrays.fill(chunk, (byte) i);
                        context.stdout().write(chunk);
                    }
                    context.stderr().write("burst done\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return 7;
                })
                .subsystemHandler("killed", context -> {
                    throw new ExitSignalException("TERM", false, "terminated on purpose");
                })
                .channelWindow(WINDOW)
                // One server for many tests from 127.0.0.1, some failing on purpose: sshd's
                // PerSourcePenalties would lock the later ones out (ServerGuardsTest tests them).
                .perSourcePenalties(SourcePenalties.none());
    }

    static SshClient newClient() {
        return SshClient.builder().registry(REGISTRY).hostKeyVerifier(expecting(HOST_KEY)).channelWindow(WINDOW)
                .timeout(LIMIT).build();
    }

    @BeforeAll
    static void start() throws IOException {
        server = serverBuilder().build();
        address = server.start();
        client = newClient();
        helpers = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        helpers.shutdownNow();
        assertTrue(helpers.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS));
    }

    private static ClientSession connect(String user, Credentials credentials) throws IOException {
        return client.connect("127.0.0.1", address.getPort(), user, credentials);
    }

    @Test
    void passwordLoginRunsEchoThroughTheShell() throws Exception {
        try (ClientSession s = connect("alice", Credentials.password(PASSWORD))) {
            Output out = run(s, "echo hello");
            assertEquals("hello\n", out.stdout());
            assertEquals(0, out.status());
        }
    }

    @Test
    void publicKeyLoginAndAnExitStatus() throws Exception {
        try (ClientSession s = connect("bob", Credentials.keyPairs(USER_KEY))) {
            assertEquals(3, run(s, "exit 3").status());
        }
    }

    @Test
    void aWrongPasswordThenTheRightOne() throws Exception {
        PasswordSource wrongThenRight = (user, attempt) -> Optional.of(
                attempt == 1 ? "wrong".toCharArray() : PASSWORD.clone());
        try (ClientSession s = connect("alice", Credentials.none().withPasswords(wrongThenRight))) {
            assertEquals("alice\n", run(s, "echo alice").stdout());
        }
    }

    @Test
    void onlyWrongCredentialsFailTheLogin() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> connect("alice", Credentials.password("nope".toCharArray())));
        assertTrue(e.canContinue().contains("password"), e.getMessage());
        assertThrows(AuthenticationException.class, () -> connect("alice", Credentials.keyPairs(USER_KEY)));
    }

    /**
     * Credentials chosen once the verifier accepted the host key are asked for once, with that
     * key, and only they are offered: without the password, alice's login fails. A choice that
     * throws ends the session with an error instead of the network thread.
     */
    @Test
    void credentialsAreChosenForTheHostKeyTheVerifierAccepted() throws Exception {
        List<ServerHostKey> asked = new CopyOnWriteArrayList<>();
        try (ClientSession s = client.connect("127.0.0.1", address.getPort(), "alice", key -> {
            asked.add(key);
            return Credentials.password(PASSWORD);
        })) {
            assertEquals("chosen\n", run(s, "echo chosen").stdout());
        }
        assertEquals(1, asked.size());
        assertArrayEquals(PublicKeyBlob.encode(HOST_KEY.getPublic()), asked.get(0).blob());

        AuthenticationException keysOnly = assertThrows(AuthenticationException.class,
                () -> client.connect("127.0.0.1", address.getPort(), "alice", key -> Credentials.keyPairs(USER_KEY)));
        assertTrue(keysOnly.canContinue().contains("password"), keysOnly.getMessage());
        IOException failed = assertThrows(IOException.class, () -> client.connect("127.0.0.1", address.getPort(),
                "alice", key -> {
                    throw new IllegalStateException("no answer");
                }));
        assertFalse(failed instanceof AuthenticationException, failed.toString());
        assertTrue(failed.getMessage().contains("no credentials for this host key"), failed.getMessage());
    }

    @Test
    void stderrIsSeparateFromStdout() throws Exception {
        try (ClientSession s = connect("alice", Credentials.password(PASSWORD))) {
            Output out = run(s, "echo out; echo err >&2; exit 5");
            assertEquals("out\n", out.stdout());
            assertEquals("err\n", out.stderr());
            assertEquals(5, out.status());
        }
    }

    @Test
    void twentyMebibytesThroughCatWithSmallWindows() throws Exception {
        byte[] data = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(data);
        try (ClientSession s = connect("bob", Credentials.keyPairs(USER_KEY))) {
            RemoteProcess p = s.exec("cat");
            Future<byte[]> digest = helpers.submit(() -> sha256(p.getInputStream()));
            Future<?> writer = helpers.submit(() -> {
                try (OutputStream stdin = p.getOutputStream()) {
                    for (int off = 0; off < data.length; off += 100_000) {
                        stdin.write(data, off, Math.min(100_000, data.length - off));
                    }
                }
                return null;
            });
            writer.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data),
                    digest.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, p.waitFor(LIMIT));
        }
    }

    /**
     * A handler's output is queued, not sent, when its write returns: the EOF, the exit status
     * and CLOSE (RFC 4254 §6.10) still come after the last byte of it, stdout and stderr alike.
     */
    @Test
    void theExitStatusComesAfterEveryByteAHandlerWrote() throws Exception {
        try (ClientSession s = connect("bob", Credentials.keyPairs(USER_KEY))) {
            RemoteProcess p = s.subsystem("burst");
            Future<byte[]> err = helpers.submit(() -> p.getErrorStream().readAllBytes());
            byte[] out = p.getInputStream().readAllBytes();
            assertEquals(BURST_CHUNK * BURST_CHUNKS, out.length);
            for (int i = 0; i < BURST_CHUNKS; i++) {
                assertEquals((byte) i, out[i * BURST_CHUNK], "chunk " + i + " in its place");
                assertEquals((byte) i, out[(i + 1) * BURST_CHUNK - 1], "chunk " + i + " whole");
            }
            assertEquals("burst done\n", new String(err.get(LIMIT.toSeconds(), TimeUnit.SECONDS),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(7, p.waitFor(LIMIT));
        }
    }

    /**
     * The session tells what it negotiated and whose key it checked, and a re-exchange asked
     * for mid-session (RFC 4253 §9) leaves the algorithms as they were and the channels working.
     */
    @Test
    void sessionReportsItsAlgorithmsAndHostKeyAndRekeysOnDemand() throws Exception {
        List<Integer> exchanges = new CopyOnWriteArrayList<>();
        try (SshClient observed = SshClient.builder().registry(REGISTRY).hostKeyVerifier(expecting(HOST_KEY))
                .timeout(LIMIT).transportObserver(e -> {
                    if (e instanceof TransportEvent.KeysEstablished k) {
                        exchanges.add(k.keyExchangeCount());
                    }
                }).build();
                ClientSession s = observed.connect("127.0.0.1", address.getPort(), "alice", Credentials.password(PASSWORD))) {
            NegotiatedAlgorithms first = s.algorithms();
            assertEquals("curve25519-sha256", first.kex());
            assertEquals("ssh-ed25519", first.hostKey());
            assertArrayEquals(PublicKeyBlob.encode(HOST_KEY.getPublic()), s.hostKey().blob());
            s.rekey();
            assertEquals("after\n", run(s, "echo after").stdout());
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (exchanges.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of(1, 2), exchanges);
            assertEquals(first, s.algorithms());
        }
    }

    /**
     * The client's message observer sees the login and the channel in clear, in order, both
     * ways; named by {@link SessionMessages}, they never show the password.
     */
    @Test
    void messageObserverSeesTheLoginAndTheChannel() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        SessionMessages names = new SessionMessages();
        try (SshClient observed = SshClient.builder().registry(REGISTRY).hostKeyVerifier(expecting(HOST_KEY))
                .timeout(LIMIT).messageObserver((sent, payload) -> seen.add((sent ? "sent " : "received ")
                        + names.describe(payload))).build();
                ClientSession s = observed.connect("127.0.0.1", address.getPort(), "alice", Credentials.password(PASSWORD))) {
            assertEquals(3, run(s, "exit 3").status());
        }
        List<String> expected = List.of(
                "sent SSH_MSG_SERVICE_REQUEST \"ssh-userauth\"",
                "received SSH_MSG_SERVICE_ACCEPT \"ssh-userauth\"",
                "sent SSH_MSG_USERAUTH_REQUEST user \"alice\" for ssh-connection, method password, password (not shown)",
                "received SSH_MSG_USERAUTH_SUCCESS",
                "sent SSH_MSG_CHANNEL_OPEN \"session\"",
                "received SSH_MSG_CHANNEL_OPEN_CONFIRMATION",
                "sent SSH_MSG_CHANNEL_REQUEST channel",
                "received SSH_MSG_CHANNEL_SUCCESS",
                "received SSH_MSG_CHANNEL_REQUEST channel 0 \"exit-status\" 3",
                "received SSH_MSG_CHANNEL_CLOSE");
        int at = 0;
        for (String step : expected) {
            int from = at;
            while (at < seen.size() && !seen.get(at).startsWith(step)) {
                at++;
            }
            assertTrue(at < seen.size(), "'" + step + "' missing after line " + from + " of:\n" + String.join("\n", seen));
        }
        assertFalse(String.join("\n", seen).contains(new String(PASSWORD)), "the password never shows");
    }

    /**
     * The login request the client sent held the password in clear until the transport
     * encrypted its copy; afterwards the session zeroes it (an observer may look only during
     * its call), so no plaintext password waits on the heap for the collector.
     */
    @Test
    void theLoginRequestSentIsZeroedOnceTheTransportHasIt() throws Exception {
        List<byte[]> sentLogins = new CopyOnWriteArrayList<>();
        List<Boolean> heldThePassword = new CopyOnWriteArrayList<>();
        byte[] password = new String(PASSWORD).getBytes(StandardCharsets.UTF_8);
        try (SshClient observed = SshClient.builder().registry(REGISTRY).hostKeyVerifier(expecting(HOST_KEY))
                .timeout(LIMIT).messageObserver((sent, payload) -> {
                    if (sent && payload[0] == 50) { // SSH_MSG_USERAUTH_REQUEST
                        sentLogins.add(payload);
                        heldThePassword.add(indexOf(payload, password) >= 0);
                    }
                }).build();
                ClientSession s = observed.connect("127.0.0.1", address.getPort(), "alice", Credentials.password(PASSWORD))) {
            assertEquals(0, run(s, "true").status());
        }
        assertEquals(List.of(false, true), heldThePassword, "none, then password");
        for (byte[] login : sentLogins) {
            assertArrayEquals(new byte[login.length], login);
        }
    }

    private static int indexOf(byte[] in, byte[] part) {
        for (int i = 0; i + part.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The server's observer sees what it negotiated and each key exchange, the re-exchange too. */
    @Test
    void serverObserverSeesTheChoiceAndEveryKeyExchange() throws Exception {
        List<TransportEvent> seen = new CopyOnWriteArrayList<>();
        try (SshServer observed = serverBuilder().transportObserver(seen::add).build();
                SshClient own = newClient()) {
            InetSocketAddress ownAddress = observed.start();
            try (ClientSession s = own.connect("127.0.0.1", ownAddress.getPort(), "alice", Credentials.password(PASSWORD))) {
                s.rekey();
                assertEquals("after\n", run(s, "echo after").stdout());
                long deadline = System.nanoTime() + LIMIT.toNanos();
                while (keyExchanges(seen).size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(List.of(1, 2), keyExchanges(seen));
                assertTrue(seen.stream().anyMatch(e -> e instanceof TransportEvent.AlgorithmsNegotiated a
                        && a.algorithms().equals(s.algorithms())), seen.toString());
            }
        }
    }

    private static List<Integer> keyExchanges(List<TransportEvent> events) {
        return events.stream().filter(e -> e instanceof TransportEvent.KeysEstablished)
                .map(e -> ((TransportEvent.KeysEstablished) e).keyExchangeCount()).toList();
    }

    /**
     * A subsystem (RFC 4254 §6.5) runs the program the server configured for its name, whatever
     * the client sends; a handler that reports a signal ends it with exit-signal; an unknown name
     * is refused with a failure reply, and the session goes on.
     */
    @Test
    void subsystemRunsItsConfiguredProgramAndUnknownNamesAreRefused() throws Exception {
        try (ClientSession s = connect("alice", Credentials.password(PASSWORD))) {
            RemoteProcess rot13 = s.subsystem("rot13");
            try (OutputStream in = rot13.getOutputStream()) {
                in.write("hello subsystem\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("uryyb fhoflfgrz\n", readAll(rot13.getInputStream()));
            assertEquals(0, rot13.waitFor(LIMIT));

            RemoteProcess killed = s.subsystem("killed");
            assertEquals(-1, killed.waitFor(LIMIT), "no exit-status");
            assertEquals(Optional.of(new ChannelRequest.ExitSignal("TERM", false, "terminated on purpose", "en")),
                    killed.exitSignal(), "exit-signal, RFC 4254 §6.10");
            assertEquals(Optional.empty(), rot13.exitSignal());

            IOException refused = assertThrows(IOException.class, () -> s.subsystem("sftp"));
            assertTrue(refused.getMessage().contains("refused the subsystem sftp request"), refused.getMessage());
            assertEquals("still here\n", run(s, "echo still here").stdout());
        }
    }

    /**
     * The client's variables go out as env requests (RFC 4254 §6.4); the server sets those its
     * AcceptEnv takes (LANG and LC_* by default) and drops the others, here LD_PRELOAD.
     */
    @Test
    void environmentReachesTheCommandAsTheServerAccepts() throws Exception {
        try (SshClient withEnv = SshClient.builder().registry(REGISTRY).hostKeyVerifier(expecting(HOST_KEY))
                .timeout(LIMIT).environment("LC_KEYWAY", "one").environment("LD_PRELOAD", "/tmp/evil.so")
                .environment("KEYWAY_EXTRA", "two").build()) {
            String echo = "echo \"$LC_KEYWAY/$LD_PRELOAD/$KEYWAY_EXTRA\"";
            try (ClientSession s = withEnv.connect("127.0.0.1", address.getPort(), "alice", Credentials.password(PASSWORD))) {
                assertEquals("one//\n", run(s, echo).stdout());
            }
            try (SshServer accepting = serverBuilder().acceptEnv("KEYWAY_*").build()) {
                int port = accepting.start().getPort();
                try (ClientSession s = withEnv.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                    assertEquals("//two\n", run(s, echo).stdout(), "acceptEnv replaces the default list");
                }
            }
        }
    }

    @Test
    void severalChannelsInOneConnection() throws Exception {
        try (ClientSession s = connect("alice", Credentials.password(PASSWORD))) {
            List<RemoteProcess> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // Each waits for its stdin, so all four channels are open at once.
                running.add(s.exec("read line; echo \"$line\" " + i));
            }
            for (int i = 0; i < running.size(); i++) {
                RemoteProcess p = running.get(i);
                try (OutputStream stdin = p.getOutputStream()) {
                    stdin.write(("channel\n").getBytes(StandardCharsets.UTF_8));
                }
                assertEquals("channel " + i + "\n", readAll(p.getInputStream()));
                assertEquals(0, p.waitFor(LIMIT));
            }
        }
    }

    @Test
    void closingTheServerEndsSessionsAndReleasesEveryThread() throws Exception {
        List<Thread> before = keywayThreads();
        SshServer own = serverBuilder().build();
        InetSocketAddress ownAddress = own.start();
        SshClient ownClient = newClient();
        ClientSession s = ownClient.connect("127.0.0.1", ownAddress.getPort(), "alice", Credentials.password(PASSWORD));
        // A child that would outlive the shell and hold its output pipes; "started" is read
        // first so that the server is closed while both processes surely run.
        RemoteProcess sleeping = s.exec("sleep 30 & echo started; wait");
        byte[] started = "started\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(started, sleeping.getInputStream().readNBytes(started.length));
        assertTrue(keywayThreads().size() > before.size());
        own.close();
        assertEquals(-1, sleeping.waitFor(LIMIT), "the channel ends without an exit status");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (s.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(s.isOpen());
        ownClient.close();
        List<Thread> left = new ArrayList<>(keywayThreads());
        left.removeAll(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            left.removeIf(t -> !t.isAlive());
        }
        assertEquals(List.of(), left, () -> "threads left running: " + left.stream()
                .map(t -> t.getName() + " " + Arrays.toString(t.getStackTrace())).toList());
    }

    private static List<Thread> keywayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("keyway-")).toList();
    }

    record Output(String stdout, String stderr, int status) {
    }

    private static Output run(ClientSession s, String command) throws Exception {
        RemoteProcess p = s.exec(command);
        p.getOutputStream().close();
        Future<String> err = helpers.submit(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        return new Output(out, err.get(LIMIT.toSeconds(), TimeUnit.SECONDS), p.waitFor(LIMIT));
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    static byte[] sha256(InputStream in) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            d.update(buf, 0, n);
        }
        return d.digest();
    }
}
