package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.conformance.SecretRecorder;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.AuthenticationException;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SourcePenalties;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Keyway server logs, read in full: every {@link System.Logger} record at every level
 * ({@link LogCapture}) while real sessions run against it on 127.0.0.1. Keyway's client logs
 * in with a password (wrong, then right, with commands and a re-key in between), with
 * keyboard-interactive answers (wrong and right), with the ed25519, ECDSA and RSA keys
 * {@code ssh-keygen} made, and as a user whose name tries to forge a log line; OpenSSH's
 * {@code ssh} logs in with the ECDSA key; a handler fails with a secret in its exception.
 *
 * <p>Then no record may give away a secret, in its message, its parameters or an exception's
 * message and trace: no password, no answer, no private key (the base64 of the key file, the
 * PKCS#8 encoding, the raw seed, scalar or RSA parts), no shared secret K and no key, IV or MAC
 * key derived from it, in any of the forms {@link Secret} knows. K and the derived keys are
 * known because the providers run inside a {@link SecretRecorder}. And the lines an operator
 * needs must be there, in sshd's words.
 */
class ServerLogSecretsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern FROM = Pattern.compile("127\\.0\\.0\\.1 port \\d+");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path dir;

    private static final SecretRecorder RECORDER = new SecretRecorder();
    private static final List<Secret> SECRETS = new ArrayList<>();
    /** User key files by ssh-keygen's type name, and their public halves' fingerprints. */
    private static final Map<String, OpenSshHostKey> USER_KEYS = new LinkedHashMap<>();
    private static String logged;
    private static List<String> lines;
    private static int port;
    /** Logins of Keyway's client, whose side records too, unlike OpenSSH's. */
    private static int keywaySessions;

    @BeforeAll
    static void runSessions() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        OpenSshHostKey host = openSsh.generateHostKey(Files.createDirectories(dir.resolve("host")), "ed25519");
        Path userDir = Files.createDirectories(dir.resolve("user"));
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            USER_KEYS.put(type, openSsh.generateHostKey(userDir, type));
        }
        KeyPair hostKey = privateKey("host key", host.privateKeyFile());
        Map<String, KeyPair> userKeys = new LinkedHashMap<>();
        for (Map.Entry<String, OpenSshHostKey> k : USER_KEYS.entrySet()) {
            userKeys.put(k.getKey(), privateKey("user " + k.getKey() + " key", k.getValue().privateKeyFile()));
        }
        String password = secretText("the password");
        String wrongPassword = secretText("a wrong password");
        List<String> answers = List.of(secretText("an answer"), secretText("another answer"));
        List<String> wrongAnswers = List.of(secretText("a wrong answer"), secretText("another wrong answer"));
        String inException = secretText("a secret in a handler's exception");

        AlgorithmRegistry registry = AlgorithmRegistry.builder()
                .addAll(AlgorithmRegistry.loadDefault().providers().stream().map(RECORDER::wrap).toList()).build();
        List<byte[]> authorized = userKeys.values().stream().map(k -> PublicKeyBlob.encode(k.getPublic())).toList();
        AtomicInteger keysEstablished = new AtomicInteger();
        try (LogCapture capture = LogCapture.open()) {
            SshServer server = SshServer.builder().registry(registry).hostKeys(List.of(hostKey))
                    .passwordAuthenticator((user, given) -> user.equals("alice")
                            && Arrays.equals(given, password.toCharArray()))
                    .keyboardInteractiveAuthenticator((user, submethods) -> dialogue(answers))
                    .publicKeyAuthenticator((user, key) -> user.equals("alice")
                            && authorized.stream().anyMatch(b -> Arrays.equals(b, PublicKeyBlob.encode(key))))
                    .execHandler(new SystemShell())
                    .subsystemHandler("fails", context -> {
                        throw new IllegalStateException("the embedder's own words: " + inException);
                    })
                    // Penalties that are logged but never refuse: some logins below fail on purpose.
                    .perSourcePenalties(new SourcePenalties(Duration.ofSeconds(1), Duration.ofSeconds(1),
                            Duration.ofHours(1), Duration.ofHours(1), 16))
                    .build();
            try (server; SshClient client = SshClient.builder().registry(registry).timeout(LIMIT)
                    .hostKeyVerifier(key -> Arrays.equals(key.blob(), PublicKeyBlob.encode(hostKey.getPublic())))
                    .transportObserver(e -> {
                        if (e instanceof TransportEvent.KeysEstablished) {
                            keysEstablished.incrementAndGet();
                        }
                    }).build()) {
                port = server.start().getPort();
                refused(client, "alice", Credentials.password(wrongPassword.toCharArray()));
                refused(client, "eve\r\nAccepted password for root from 10.0.0.1\u001b[31m",
                        Credentials.password(wrongPassword.toCharArray()));
                try (ClientSession s = login(client, "alice", Credentials.password(password.toCharArray()))) {
                    assertEquals("before the re-key\n", output(s, "echo before the re-key"));
                    int before = keysEstablished.get();
                    s.rekey();
                    awaitAtLeast(keysEstablished, before + 1);
                    assertEquals("after the re-key\n", output(s, "echo after the re-key"));
                    RemoteProcess failing = s.subsystem("fails");
                    assertEquals(1, failing.waitFor(LIMIT));
                }
                refused(client, "alice", Credentials.none().withPrompter(prompter(wrongAnswers)));
                try (ClientSession s = login(client, "alice", Credentials.none().withPrompter(prompter(answers)))) {
                    assertEquals("interactive\n", output(s, "echo interactive"));
                }
                for (Map.Entry<String, KeyPair> k : userKeys.entrySet()) {
                    try (ClientSession s = login(client, "alice", Credentials.keyPairs(k.getValue()))) {
                        assertEquals(k.getKey() + "\n", output(s, "echo " + k.getKey()));
                    }
                }
                BoundedProcess.Result ssh = BoundedProcess.run(openSshLogin(openSsh, host, "echo from openssh"), LIMIT);
                assertEquals(0, ssh.exitCode(), ssh.output());
                assertEquals("from openssh\n", ssh.output());
            }
            logged = capture.text();
            lines = capture.messages("dev.keyway.");
        }
    }

    @Test
    void noRecordGivesAwayASecret() {
        List<String> found = new ArrayList<>();
        for (Secret s : SECRETS) {
            s.foundIn(logged).ifPresent(form -> found.add(s.name() + " (form " + s.forms().indexOf(form) + ")"));
        }
        for (byte[] k : RECORDER.sharedSecrets()) {
            byte[] value = Arrays.copyOfRange(k, k[4] == 0 ? 5 : 4, k.length); // past the mpint's length and sign byte
            Secret.bytes("K as encoded", k).foundIn(logged).ifPresent(form -> found.add("K as encoded"));
            Secret.bytes("K", value).foundIn(logged).ifPresent(form -> found.add("K"));
        }
        for (byte[] key : RECORDER.derivedKeys()) {
            Secret.bytes("a derived key", key).foundIn(logged).ifPresent(form -> found.add("a derived key or IV"));
        }
        assertEquals(List.of(), found, "secrets in the log");
    }

    /** Else the test above would pass for a recorder or a key list that held nothing. */
    @Test
    void theSecretsLookedForAreReal() {
        // Both sides make K in a session of Keyway's client, the server alone in OpenSSH's; the re-key twice more.
        assertEquals(2 * keywaySessions + 1 + 2, RECORDER.sharedSecrets().size());
        assertTrue(RECORDER.derivedKeys().size() >= 4 * keywaySessions, RECORDER.derivedKeys().size() + " keys");
        // Seven passwords and answers, and for each of the four key files: the file, PKCS#8 and the raw parts.
        assertTrue(SECRETS.size() >= 7 + 4 * 3, SECRETS.size() + " secrets");
        byte[] key = RECORDER.derivedKeys().get(0);
        String planted = logged + Base64.getEncoder().encodeToString(key);
        assertTrue(Secret.bytes("a derived key", key).foundIn(planted).isPresent(), "the search finds what is there");
    }

    @Test
    void theEngineWipedWhatItWasDoneWith() {
        assertEquals(List.of(), RECORDER.unwiped());
    }

    @Test
    void theOperatorSeesEveryLoginInSshdsWords() {
        String from = FROM.pattern();
        expect("Connection from " + from + " on 127\\.0\\.0\\.1 port " + port);
        expect("Client version \"SSH-2\\.0-Keyway_[^\"]+\" from " + from);
        expect("Client version \"SSH-2\\.0-OpenSSH_[^\"]+\" from " + from);
        expect("kex: algorithm mlkem768x25519-sha256, host key ssh-ed25519, client->server \\S+.*, server->client .* with "
                + from);
        expect("Failed password for alice from " + from);
        expect("Accepted password for alice from " + from);
        expect("Keys renewed with " + from + " \\(key exchange 2\\)");
        expect("Starting session: command for alice from " + from + " id \\d+");
        expect("Close session: user alice from " + from + " id \\d+");
        expect("Session subsystem 'fails' for alice from " + from
                + " id \\d+ failed: java\\.lang\\.IllegalStateException");
        expect("Failed keyboard-interactive for alice from " + from);
        expect("Accepted keyboard-interactive for alice from " + from);
        for (OpenSshHostKey key : USER_KEYS.values()) {
            expect("Accepted publickey for alice from " + from + ": " + Pattern.quote(key.keyType() + " "
                    + key.fingerprint()));
        }
        expect("Disconnected from " + from + ": NO_MORE_AUTH_METHODS_AVAILABLE .* \\[preauth\\]");
        expect("Disconnected from user alice " + from + ": BY_APPLICATION .*");
        expect("Penalty for 127\\.0\\.0\\.1: failed authentication; penalised for \\d+ s");
    }

    /** A user name is the client's text: its line breaks and escapes are shown, never acted on. */
    @Test
    void peerTextCannotForgeALineOrReachATerminal() {
        for (String line : lines) {
            assertTrue(line.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0x1b), line);
        }
        expect(Pattern.quote("Failed password for eve\\u000d\\u000aAccepted password for root from 10.0.0.1"
                + "\\u001b[31m from 127.0.0.1 port ") + "\\d+");
    }

    private static void expect(String regex) {
        Pattern p = Pattern.compile(regex);
        assertTrue(lines.stream().anyMatch(l -> p.matcher(l).matches()),
                "no line matches " + regex + " in:\n" + String.join("\n", lines));
    }

    /** A fresh random secret, remembered to be looked for. */
    private static String secretText(String name) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String value = "s3cret-" + HEX.formatHex(random);
        SECRETS.add(Secret.text(name, value));
        return value;
    }

    /**
     * Reads a key file as Keyway does and remembers what would give it away: the base64 of the
     * file (whole and line by line), the PKCS#8 encoding, and the raw private parts as Bouncy
     * Castle reads them from the file on its own.
     */
    private static KeyPair privateKey(String name, Path file) throws Exception {
        List<String> body = Files.readAllLines(file).stream().filter(l -> !l.startsWith("-----")).toList();
        List<String> forms = new ArrayList<>(List.of(String.join("", body)));
        body.stream().filter(l -> l.length() >= 24).forEach(forms::add);
        SECRETS.add(new Secret(name + " file", forms));
        KeyPair pair = PrivateKeyFile.read(file);
        SECRETS.add(Secret.bytes(name + " as PKCS#8", pair.getPrivate().getEncoded()));
        AsymmetricKeyParameter k = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(
                Base64.getDecoder().decode(String.join("", body)));
        if (k instanceof Ed25519PrivateKeyParameters ed) {
            SECRETS.add(Secret.bytes(name + " seed", ed.getEncoded()));
        } else if (k instanceof ECPrivateKeyParameters ec) {
            SECRETS.add(Secret.number(name + " scalar", ec.getD()));
        } else if (k instanceof RSAPrivateCrtKeyParameters rsa) {
            SECRETS.add(Secret.number(name + " d", rsa.getExponent()));
            SECRETS.add(Secret.number(name + " p", rsa.getP()));
            SECRETS.add(Secret.number(name + " q", rsa.getQ()));
            SECRETS.add(Secret.number(name + " dP", rsa.getDP()));
            SECRETS.add(Secret.number(name + " dQ", rsa.getDQ()));
            SECRETS.add(Secret.number(name + " qInv", rsa.getQInv()));
        } else {
            throw new AssertionError(name + ": an unexpected key " + k.getClass());
        }
        return pair;
    }

    /** Two hidden prompts; the dialogue accepts only these answers. */
    private static KeyboardInteractiveDialogue dialogue(List<String> answers) {
        return new KeyboardInteractiveDialogue() {
            @Override
            public Step begin() {
                return new Step.Ask(new InteractiveRound("", "", List.of(new InteractivePrompt("Password: ", false),
                        new InteractivePrompt("Code: ", false))));
            }

            @Override
            public Step respond(List<char[]> given) {
                boolean right = given.size() == answers.size();
                for (int i = 0; right && i < given.size(); i++) {
                    right = Arrays.equals(given.get(i), answers.get(i).toCharArray());
                }
                return right ? new Step.Accept() : new Step.Reject();
            }
        };
    }

    private static InteractivePrompter prompter(List<String> answers) {
        return (user, round) -> Optional.of(answers.stream().map(String::toCharArray).toList());
    }

    private static List<String> openSshLogin(OpenSshInstallation openSsh, OpenSshHostKey host, String command)
            throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        String publicLine = Files.readString(Path.of(host.privateKeyFile() + ".pub")).trim();
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + publicLine + "\n");
        return List.of(openSsh.ssh().toString(), "-F", "/dev/null", "-p", Integer.toString(port),
                "-i", USER_KEYS.get("ecdsa").privateKeyFile().toString(), "-o", "IdentitiesOnly=yes",
                "-o", "PreferredAuthentications=publickey", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "UpdateHostKeys=no", "-o", "IdentityAgent=none",
                "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "alice@127.0.0.1", command);
    }

    private static void awaitAtLeast(AtomicInteger counter, int wanted) throws InterruptedException {
        for (long end = System.nanoTime() + LIMIT.toNanos(); counter.get() < wanted; Thread.sleep(10)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("the re-key did not complete within " + LIMIT.toSeconds() + " s");
            }
        }
    }

    private static ClientSession login(SshClient client, String user, Credentials credentials) throws IOException {
        keywaySessions++;
        return client.connect("127.0.0.1", port, user, credentials);
    }

    private static void refused(SshClient client, String user, Credentials credentials) {
        assertThrows(AuthenticationException.class, () -> login(client, user, credentials).close());
    }

    private static String output(ClientSession s, String command) throws Exception {
        RemoteProcess p = s.exec(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(LIMIT), command);
        return out;
    }
}
