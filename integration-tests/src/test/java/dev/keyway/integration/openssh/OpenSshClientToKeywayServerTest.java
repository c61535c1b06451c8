package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.integration.AlgorithmCombination;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenSSH's {@code ssh} client against the Keyway transport engine alone
 * ({@link KeywayTransportServer}), which refuses every login. ssh is told exactly which
 * algorithms to use and to trust only the server's key in its known_hosts file; its debug
 * output must show that choice, the known key, SERVICE_ACCEPT, and then "Permission denied".
 * Every cipher and MAC runs with one key exchange and host key, every key exchange and host key
 * with one cipher. Whole sessions with logins, commands and re-exchanges over the full product
 * are {@link OpenSshClientSessionMatrixTest}.
 */
class OpenSshClientToKeywayServerTest {
    private static final Deadline.Limit RUN_LIMIT = Deadline.Limit.ofSeconds(20);
    private static final String DEFAULT_MAC = "hmac-sha2-256-etm@openssh.com";

    @TempDir
    Path dir;
    private static OpenSshInstallation openSsh;
    private static AlgorithmRegistry registry;
    private static Set<String> openSshNames;
    /** One server key per key type, made through the provider SPI. */
    private static final Map<String, KeyPair> HOST_KEYS = new LinkedHashMap<>();

    @BeforeAll
    static void makeHostKeys() {
        openSsh = OpenSshInstallation.require();
        registry = AlgorithmRegistry.loadDefault();
        openSshNames = Stream.of("kex", "HostKeyAlgorithms", "cipher", "mac")
                .flatMap(q -> openSsh.supported(q).stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        SecureRandom random = new SecureRandom();
        for (String name : registry.names(AlgorithmCategory.HOST_KEY)) {
            var signature = registry.signature(name).orElseThrow();
            HOST_KEYS.computeIfAbsent(signature.keyType(), t -> signature.generateKeyPair(random));
        }
    }

    static Stream<AlgorithmCombination> cipherAndMacPairs() {
        AlgorithmRegistry r = AlgorithmRegistry.loadDefault();
        return AlgorithmCombination.cipherAndMacPairs(r, "curve25519-sha256", "ssh-ed25519").stream();
    }

    static Stream<AlgorithmCombination> kexAndHostKeyPairs() {
        AlgorithmRegistry r = AlgorithmRegistry.loadDefault();
        return AlgorithmCombination.kexAndHostKeyPairs(r, "aes256-gcm@openssh.com", null).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cipherAndMacPairs")
    void everyCipherAndMac(AlgorithmCombination c) throws Exception {
        sshNegotiatesAndIsRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kexAndHostKeyPairs")
    void everyKeyExchangeAndHostKey(AlgorithmCombination c) throws Exception {
        sshNegotiatesAndIsRefused(c);
    }

    private void sshNegotiatesAndIsRefused(AlgorithmCombination c) throws Exception {
        for (String name : new String[] {c.kex(), c.hostKey(), c.cipher(), c.mac()}) {
            assumeTrue(name == null || openSshNames.contains(name),
                    "OpenSSH " + openSsh.major() + "." + openSsh.minor() + " does not implement " + name);
        }
        List<String> options = List.of("Ciphers=" + c.cipher(), "MACs=" + (c.mac() == null ? DEFAULT_MAC : c.mac()),
                "KexAlgorithms=" + c.kex(), "HostKeyAlgorithms=" + c.hostKey());
        Exchange x = run(c.hostKey(), options, TransportConfig.builder(registry).hostKeys(List.copyOf(HOST_KEYS.values())).build(), 0);
        String log = x.sshOutput();
        assertContains(log, "kex: algorithm: " + c.kex());
        assertContains(log, "kex: host key algorithm: " + c.hostKey());
        for (String direction : List.of("client->server", "server->client")) {
            assertContains(log, "kex: " + direction + " cipher: " + c.cipher() + " MAC: " + c.openSshMac()
                    + " compression: none");
        }
        assertEquals(c.expected(), x.serverAlgorithms(), "what the Keyway server negotiated");
        assertAuthenticationRefusedAfterWorkingTransport(x);
    }

    /**
     * ssh with {@code RekeyLimit=64K} receives 128 KiB of IGNORE right after SERVICE_ACCEPT. The
     * limit is armed ("rekey in after ... blocks") yet ssh starts no re-exchange: OpenSSH never
     * re-keys before user authentication succeeds, so the session keeps its first keys and
     * still runs to "Permission denied". A re-exchange against ssh needs a login first.
     */
    @Test
    void ignoreTrafficPastSshRekeyLimitBeforeAuthentication() throws Exception {
        TransportConfig config = TransportConfig.builder(registry).hostKeys(List.copyOf(HOST_KEYS.values())).build();
        Exchange x = run("ssh-ed25519", List.of("RekeyLimit=64K"), config, 128 * 1024);
        assertContains(x.sshOutput(), "rekey in after");
        assertEquals(1, x.server().keyExchanges(), "no re-exchange before authentication:\n" + x.sshOutput());
        assertAuthenticationRefusedAfterWorkingTransport(x);
    }

    /**
     * The same traffic with the Keyway server's own volume limit at 64 KiB: OpenSSH's client
     * rejects a KEXINIT during user authentication ("input_userauth_error: bad message during
     * authentication: type 20"), so the engine holds automatic re-exchanges until
     * SSH_MSG_USERAUTH_SUCCESS; the session must reach the refused login all the same.
     */
    @Test
    void keywayVolumeLimitWaitsForUserAuthentication() throws Exception {
        TransportConfig config = TransportConfig.builder(registry).hostKeys(List.copyOf(HOST_KEYS.values()))
                .rekeyAfterBytes(64 * 1024).build();
        Exchange x = run("ssh-ed25519", List.of(), config, 128 * 1024);
        assertAuthenticationRefusedAfterWorkingTransport(x);
    }

    private record Exchange(KeywayTransportServer.Session server, int sshExit, String sshOutput) {
        dev.keyway.transport.NegotiatedAlgorithms serverAlgorithms() {
            return server.events().stream().filter(e -> e instanceof TransportEvent.AlgorithmsNegotiated)
                    .map(e -> ((TransportEvent.AlgorithmsNegotiated) e).algorithms()).findFirst().orElseThrow();
        }
    }

    /** Runs ssh against a one-connection Keyway server whose known_hosts entry is for {@code hostKeyAlgorithm}. */
    private Exchange run(String hostKeyAlgorithm, List<String> options, TransportConfig config, int ignoreBytes)
            throws Exception {
        Deadline deadline = RUN_LIMIT.start();
        try (KeywayTransportServer server = new KeywayTransportServer()) {
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, knownHostsLine(server.port(), hostKeyAlgorithm) + "\n", StandardCharsets.US_ASCII);
            try (OpenSshClientRun ssh = OpenSshClientRun.start(openSsh, dir, server.port(), knownHosts, options)) {
                KeywayTransportServer.Session session;
                try {
                    session = server.serveOne(config, ignoreBytes, deadline);
                } catch (AssertionError | java.io.IOException | dev.keyway.api.wire.WireFormatException e) {
                    throw new AssertionError(e.getMessage() + "\nssh said:\n" + ssh.output(), e);
                }
                BoundedProcess.Result result = ssh.await(deadline);
                return new Exchange(session, result.exitCode(), result.output() + "\nKeyway server events:"
                        + session.transcript());
            }
        }
    }

    /** A known_hosts line for the server's key of this algorithm's type, in OpenSSH's format. */
    private static String knownHostsLine(int port, String hostKeyAlgorithm) {
        String keyType = registry.signature(hostKeyAlgorithm).orElseThrow().keyType();
        PublicKey key = HOST_KEYS.get(keyType).getPublic();
        return "[127.0.0.1]:" + port + " " + keyType + " " + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key));
    }

    private static void assertAuthenticationRefusedAfterWorkingTransport(Exchange x) {
        String log = x.sshOutput();
        assertContains(log, "is known and matches the");
        assertFalse(log.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), log);
        assertFalse(log.contains("Host key verification failed"), log);
        assertContains(log, "SSH2_MSG_SERVICE_ACCEPT received");
        assertContains(log, "Permission denied");
        assertEquals(255, x.sshExit(), log);
        assertTrue(x.server().refusedLogins() >= 1, "ssh never asked to log in:\n" + log);
    }

    private static void assertContains(String log, String expected) {
        assertTrue(log.contains(expected), "'" + expected + "' not in ssh's output:\n" + log);
    }
}
