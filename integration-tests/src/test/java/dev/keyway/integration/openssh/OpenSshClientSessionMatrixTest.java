package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.integration.AlgorithmCombination;
import dev.keyway.keys.AuthorizedKey;
import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.TransportEvent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole sessions, OpenSSH's {@code ssh} against a Keyway {@link SshServer}, over every key
 * exchange × host key × cipher (× MAC for the CTR ciphers) of {@link AlgorithmCombination#all}:
 * 8 × 4 × (3 + 2 × 4) = 352, the five post-quantum hybrids among the eight key exchanges, of
 * which OpenSSH 9.2 implements the two sntrup761x25519 names (220 combinations run against
 * it, {@link OpenSshPostQuantumTest} meets the others with OpenSSH 10). Each combination is one
 * connection to a server of its own that offers exactly that combination; ssh is forced to it
 * too, trusts only the server's key in its known_hosts file, and runs {@code cat; exit 7} with
 * random data on stdin. It must give: the data back with the same SHA-256, exit status 7
 * (RFC 4254 §6.10), exactly that combination on both sides (the server's AlgorithmsNegotiated
 * events, ssh's "kex:" lines), and a key re-exchange during the transfer (RFC 4253 §9): ssh
 * runs with {@code RekeyLimit=1M}, and both the server (a KeysEstablished numbered 2 or more)
 * and ssh (a second NEWKEYS) must see it.
 *
 * <p>The login rotates over the combinations by index, so each way appears about equally often:
 * publickey with an ed25519, an ECDSA P-256 and an RSA key made by {@code ssh-keygen}, the RSA
 * key signed rsa-sha2-256 then rsa-sha2-512 ({@code PubkeyAcceptedAlgorithms}), and password
 * from an {@code SSH_ASKPASS} script. The server's authenticators record what succeeded, ssh's
 * "Authenticated ... using" line must name the same method, and its "signing using" line the
 * signature algorithm; ssh runs with {@code -vvv} because that line is debug3.
 *
 * <p>How much data. Measured on the 2-core build machine: one combination with 20 MiB takes
 * 1.6 to 3.0 s (2.2 s on average; about 40 key exchanges, as ssh counts 1 MiB per direction),
 * and all 132 classic ones with 20 MiB took 261 s, past the four minutes this suite may spend
 * here. So 20 MiB goes through a covering subset of 32 ({@link #fullTransfers}): the {@code i}-th key
 * exchange/host key pair with the {@code i}-th cipher/MAC pair, so that every cipher/MAC pair
 * and every key exchange/host key pair carries 20 MiB at least once, and every way of logging
 * in does too. The others send 1.5 MiB (0.36 s each on average), still past the 1 MiB limit,
 * so every combination re-keys at least once. The whole class took 49 s with the three classic
 * key exchanges, 114 s with the hybrids (20 of the 32 full transfers run against OpenSSH 9.2).
 *
 * <p>A name the installed OpenSSH lacks skips its combinations (with {@code CI=true} a missing
 * OpenSSH fails them, see {@link OpenSshInstallation#require()}). Every ssh is bounded in time
 * and stopped ({@link BoundedProcess}); everything runs on 127.0.0.1.
 */
class OpenSshClientSessionMatrixTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int FULL_BYTES = 20 * 1024 * 1024;
    private static final int SHORT_BYTES = 1536 * 1024;
    /** ssh's MAC option when the cipher is AEAD and no MAC is used: any name keeps ssh's list to one. */
    private static final String UNUSED_MAC = "hmac-sha2-256-etm@openssh.com";
    private static final String USER = "tester";
    private static final char[] PASSWORD = "matrix password".toCharArray();
    private static final int EXIT_STATUS = 7;

    @TempDir
    static Path dir;
    private static OpenSshInstallation openSsh;
    private static AlgorithmRegistry registry;
    private static Set<String> openSshNames;
    /** One server key per key type, made through the provider SPI. */
    private static final Map<String, KeyPair> HOST_KEYS = new LinkedHashMap<>();
    private static AuthorizedKeys authorizedKeys;
    private static Path askpass;
    private static Path wrongAskpass;
    private static Path fullInput;
    private static Path shortInput;
    private static String fullDigest;
    private static String shortDigest;

    /** One combination, the login it uses and whether it carries the full 20 MiB. */
    record Case(int index, AlgorithmCombination algorithms, OpenSshUserLogin login, boolean full) {
        @Override
        public String toString() {
            return "#" + index + " " + algorithms + " " + login + (full ? " 20 MiB" : " 1.5 MiB");
        }
    }

    static Stream<Case> cases() {
        AlgorithmRegistry r = AlgorithmRegistry.loadDefault();
        List<AlgorithmCombination> all = AlgorithmCombination.all(r);
        Set<AlgorithmCombination> full = fullTransfers(r);
        OpenSshUserLogin[] logins = OpenSshUserLogin.values();
        return IntStream.range(0, all.size())
                .mapToObj(i -> new Case(i, all.get(i), logins[i % logins.length], full.contains(all.get(i))));
    }

    /**
     * The combinations that carry 20 MiB: the {@code i}-th cipher/MAC pair with the {@code i}-th
     * key exchange/host key pair, each list wrapping round, until both are used up.
     */
    static Set<AlgorithmCombination> fullTransfers(AlgorithmRegistry r) {
        // Of each list only its own half counts: the cipher and MAC of one, the kex and host key of the other.
        List<AlgorithmCombination> ciphers = AlgorithmCombination.cipherAndMacPairs(r, "", "");
        List<AlgorithmCombination> exchanges = AlgorithmCombination.kexAndHostKeyPairs(r, ciphers.get(0).cipher(), null);
        Set<AlgorithmCombination> out = new HashSet<>();
        for (int i = 0; i < Math.max(ciphers.size(), exchanges.size()); i++) {
            AlgorithmCombination c = ciphers.get(i % ciphers.size());
            AlgorithmCombination x = exchanges.get(i % exchanges.size());
            out.add(new AlgorithmCombination(x.kex(), x.hostKey(), c.cipher(), c.mac()));
        }
        return out;
    }

    @BeforeAll
    static void prepare() throws Exception {
        openSsh = OpenSshInstallation.require();
        registry = AlgorithmRegistry.loadDefault();
        openSshNames = Stream.of("kex", "HostKeyAlgorithms", "cipher", "mac", "sig")
                .flatMap(q -> openSsh.supported(q).stream()).collect(Collectors.toUnmodifiableSet());
        SecureRandom random = new SecureRandom();
        for (String name : registry.names(AlgorithmCategory.HOST_KEY)) {
            var signature = registry.signature(name).orElseThrow();
            HOST_KEYS.computeIfAbsent(signature.keyType(), t -> signature.generateKeyPair(random));
        }
        StringBuilder authorized = new StringBuilder();
        for (Map.Entry<String, List<String>> key : OpenSshUserLogin.keysToGenerate().entrySet()) {
            List<String> command = new ArrayList<>(List.of(openSsh.sshKeygen().toString(), "-q"));
            command.addAll(key.getValue());
            command.addAll(List.of("-N", "", "-C", key.getKey(), "-f", dir.resolve(key.getKey()).toString()));
            BoundedProcess.Result made = BoundedProcess.run(command, LIMIT);
            assertEquals(0, made.exitCode(), made.output());
            authorized.append(Files.readString(dir.resolve(key.getKey() + ".pub")));
        }
        authorizedKeys = AuthorizedKeys.parse(authorized.toString());
        assertEquals(3, authorizedKeys.keys().size(), authorized + " " + authorizedKeys.problems());
        askpass = script("askpass", new String(PASSWORD));
        wrongAskpass = script("wrong-askpass", "not the password");
        byte[] data = new byte[FULL_BYTES];
        new Random(20).nextBytes(data);
        fullInput = Files.write(dir.resolve("full.bin"), data);
        shortInput = Files.write(dir.resolve("short.bin"), Arrays.copyOf(data, SHORT_BYTES));
        fullDigest = sha256(fullInput);
        shortDigest = sha256(shortInput);
    }

    /** An askpass program: prints {@code answer} and a newline, as ssh reads it. */
    private static Path script(String name, String answer) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\nprintf '%s\\n' '" + answer + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @AfterAll
    static void clear() {
        HOST_KEYS.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void catThroughTheServerWithARekey(Case k) throws Exception {
        AlgorithmCombination c = k.algorithms();
        for (String name : new String[] {c.kex(), c.hostKey(), c.cipher(), c.mac(), k.login().signatureAlgorithm()}) {
            assumeTrue(name == null || openSshNames.contains(name),
                    "OpenSSH " + openSsh.major() + "." + openSsh.minor() + " does not implement " + name);
        }
        Run run = run(c.policy(), c.hostKey(), sshAlgorithmOptions(c), k.login(), askpass,
                k.full() ? fullInput : shortInput);
        String log = run.sshLog();

        assertEquals(EXIT_STATUS, run.exitCode(), log);
        assertEquals(k.full() ? fullDigest : shortDigest, sha256(run.output()), "SHA-256 of what came back\n" + log);

        List<TransportEvent.AlgorithmsNegotiated> choices = run.events(TransportEvent.AlgorithmsNegotiated.class);
        assertFalse(choices.isEmpty(), "no AlgorithmsNegotiated on the server");
        for (TransportEvent.AlgorithmsNegotiated a : choices) {
            assertEquals(c.expected(), a.algorithms(), "what the Keyway server negotiated");
        }
        assertContains(log, "kex: algorithm: " + c.kex());
        assertContains(log, "kex: host key algorithm: " + c.hostKey());
        for (String direction : List.of("client->server", "server->client")) {
            assertContains(log, "kex: " + direction + " cipher: " + c.cipher() + " MAC: " + c.openSshMac()
                    + " compression: none");
        }
        int exchanges = run.events(TransportEvent.KeysEstablished.class).stream()
                .mapToInt(TransportEvent.KeysEstablished::keyExchangeCount).max().orElse(0);
        assertTrue(exchanges >= 2, "no re-exchange during the transfer; key exchanges: " + exchanges + "\n" + log);
        assertTrue(log.split("SSH2_MSG_NEWKEYS received", -1).length > 2, "ssh saw one key exchange only:\n" + log);

        assertEquals(Set.of(k.login().serverSees()), Set.copyOf(run.logins()), "what the server's authenticators accepted");
        assertContains(log, "Authenticated to 127.0.0.1 ([127.0.0.1]:" + run.port() + ") using \"" + k.login().method() + "\"");
        if (k.login().signatureAlgorithm() != null) {
            assertContains(log, "signing using " + k.login().signatureAlgorithm() + " ");
        }
    }

    /** A wrong password from askpass: "Permission denied", exit 255, and no session on the server. */
    @Test
    void wrongPasswordIsRefused() throws Exception {
        Run run = run(AlgorithmPolicy.defaults(), "ssh-ed25519", List.of(), OpenSshUserLogin.PASSWORD, wrongAskpass,
                shortInput);
        assertEquals(255, run.exitCode(), run.sshLog());
        assertContains(run.sshLog(), "Next authentication method: password");
        assertContains(run.sshLog(), "Permission denied");
        assertEquals(List.of(), run.logins());
        assertEquals(0, Files.size(run.output()), "no command ran");
    }

    private static List<String> sshAlgorithmOptions(AlgorithmCombination c) {
        return List.of("KexAlgorithms=" + c.kex(), "HostKeyAlgorithms=" + c.hostKey(), "Ciphers=" + c.cipher(),
                "MACs=" + (c.mac() == null ? UNUSED_MAC : c.mac()));
    }

    /** What one connection left: ssh's exit code, its stdout file and -v log, and the server's record. */
    private record Run(int port, int exitCode, Path output, String sshLog, List<TransportEvent> events,
            List<String> logins) {
        <T extends TransportEvent> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /**
     * Starts a Keyway server with this policy, runs ssh once against it with {@code input} on
     * stdin, and closes the server. Its authenticators take any of the three user keys and the
     * password, and write down which one succeeded.
     */
    private static Run run(AlgorithmPolicy policy, String hostKeyAlgorithm, List<String> algorithmOptions,
            OpenSshUserLogin login, Path askpassScript, Path input) throws Exception {
        List<TransportEvent> events = new CopyOnWriteArrayList<>();
        List<String> logins = new CopyOnWriteArrayList<>();
        Path output = dir.resolve("output.bin");
        Path log = dir.resolve("ssh.log");
        int port;
        int exit;
        try (SshServer server = SshServer.builder().registry(registry).policy(policy)
                .hostKeys(List.copyOf(HOST_KEYS.values()))
                .publicKeyAuthenticator((user, key) -> authorize(user, key, logins))
                .passwordAuthenticator((user, password) -> {
                    boolean ok = USER.equals(user) && Arrays.equals(password, PASSWORD);
                    if (ok) {
                        logins.add("password");
                    }
                    return ok;
                })
                .execHandler(new SystemShell()).channelWindow(256 * 1024).transportObserver(events::add).build()) {
            port = server.start().getPort();
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), knownHostsLine(port, hostKeyAlgorithm) + "\n",
                    StandardCharsets.US_ASCII);
            List<String> command = new ArrayList<>(List.of(openSsh.ssh().toString(), "-vvv", "-F", "/dev/null",
                    "-p", Integer.toString(port), "-o", "StrictHostKeyChecking=yes",
                    "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                    "-o", "UpdateHostKeys=no", "-o", "ConnectTimeout=10", "-o", "RekeyLimit=1M"));
            for (String o : algorithmOptions) {
                command.addAll(List.of("-o", o));
            }
            command.addAll(login.sshArguments(dir));
            command.addAll(List.of(USER + "@127.0.0.1", "cat; exit " + EXIT_STATUS));
            ProcessBuilder ssh = new ProcessBuilder(command).redirectInput(input.toFile())
                    .redirectOutput(output.toFile()).redirectError(log.toFile());
            Map<String, String> env = ssh.environment();
            env.keySet().removeAll(List.of("SSH_AUTH_SOCK", "SSH_ASKPASS", "SSH_ASKPASS_REQUIRE", "DISPLAY"));
            env.putAll(login.environment(askpassScript));
            exit = BoundedProcess.run(ssh, LIMIT);
        }
        // Closed: the server's last events and logins are in.
        return new Run(port, exit, output, Files.readString(log, StandardCharsets.UTF_8), List.copyOf(events),
                List.copyOf(logins));
    }

    /** The publickey check: any of the user keys, for {@link #USER}; records the key type accepted. */
    private static boolean authorize(String user, PublicKey key, List<String> logins) {
        byte[] blob = PublicKeyBlob.encode(key);
        for (AuthorizedKey a : authorizedKeys.keys()) {
            if (USER.equals(user) && a.key().sameKey(blob)) {
                logins.add("publickey " + a.key().keyType());
                return true;
            }
        }
        return false;
    }

    /** A known_hosts line for the server's key of this algorithm's type, in OpenSSH's format. */
    private static String knownHostsLine(int port, String hostKeyAlgorithm) {
        String keyType = registry.signature(hostKeyAlgorithm).orElseThrow().keyType();
        PublicKey key = HOST_KEYS.get(keyType).getPublic();
        return "[127.0.0.1]:" + port + " " + keyType + " " + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key));
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void assertContains(String log, String expected) {
        assertTrue(log.contains(expected), "'" + expected + "' not in ssh's output:\n" + log);
    }
}
