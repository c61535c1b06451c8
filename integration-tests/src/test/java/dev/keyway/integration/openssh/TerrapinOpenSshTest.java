package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Terrapin attack ({@link TerrapinVariant}: paper §4.1 and §5.2; OpenSSH PROTOCOL,
 * "transport: strict key exchange extension") against Keyway with real OpenSSH on the other
 * end, through the man in the middle {@link TerrapinProxy}, all on 127.0.0.1. OpenSSH offers
 * strict KEX on its own (from 9.6, and in distributions' backports such as Debian's 9.2p1);
 * where it does not, the tests that need it are skipped.
 * <ul>
 * <li>Keyway's client, the victim, against {@code sshd}: with strict KEX the client refuses
 *     (SSH_MSG_DISCONNECT PROTOCOL_ERROR "strict KEX: …") and sshd logs that reason;
 * <li>the control: the same client with strict KEX off. sshd still offers it, but it takes
 *     effect only when both sides do: with chacha20-poly1305 sshd's EXT_INFO silently vanishes
 *     (no server-sig-algs at the client) and the session goes on to a publickey login;
 * <li>Keyway's server, the victim, against {@code ssh}: the server refuses and ssh prints
 *     "Received disconnect … strict KEX: …"; through the same proxy without the attack, ssh
 *     reaches the (refused) login, so the refusal is the attack's doing.
 * </ul>
 */
class TerrapinOpenSshTest {
    private static final Deadline.Limit RUN_LIMIT = Deadline.Limit.ofSeconds(20);
    private static final String STRICT_SERVER = "kex-strict-s-v00@openssh.com";
    private static final String CHACHA20 = "chacha20-poly1305@openssh.com";
    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    private static final KeyPair KEYWAY_HOST_KEY = REGISTRY.signature("ssh-ed25519").orElseThrow()
            .generateKeyPair(new SecureRandom());

    @TempDir
    static Path sshdDirectory;
    @TempDir
    Path sshDirectory;
    private static OpenSshInstallation openSsh;
    private static SshdServer sshd;
    private static PublicKeyLogin login;

    @BeforeAll
    static void startSshd() throws Exception {
        openSsh = OpenSshInstallation.require();
        sshd = SshdServer.start(openSsh, sshdDirectory, SshdAlgorithms.common(REGISTRY, openSsh));
        login = new PublicKeyLogin(REGISTRY, PublicKeyLogin.currentUser());
        sshd.authorize(login.authorizedKeysLine());
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TerrapinVariant.class, names = {"IGNORE_TO_CLIENT_BEFORE_KEXINIT", "IGNORE_TO_CLIENT_BEFORE_NEWKEYS"})
    void keywayClientWithStrictKexRefusesAgainstSshd(TerrapinVariant variant) throws Exception {
        ClientRun run = keywayClientToSshd(variant, true);
        assumeTrue(sshdOffersStrictKex(run), "this sshd does not offer strict KEX");
        TransportEvent.Disconnected refusal = run.ended();
        assertEquals(new TransportEvent.Disconnected(DisconnectReason.PROTOCOL_ERROR, variant.strictKexRefusal(), false),
                refusal, run.transcript());
        assertFalse(run.has(TransportEvent.ServiceMessage.class), "the client took a message" + run.transcript());
        // sshd logs "Received disconnect from 127.0.0.1 port P:2: strict KEX: ... [preauth]".
        awaitSshdLog(run.mitm().upstreamPort(), ":2: " + refusal.description(), run);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TerrapinVariant.class, names = {"IGNORE_TO_CLIENT_BEFORE_KEXINIT", "IGNORE_TO_CLIENT_BEFORE_NEWKEYS"})
    void keywayClientWithoutStrictKexLosesSshdsExtInfo(TerrapinVariant variant) throws Exception {
        ClientRun run = keywayClientToSshd(variant, false);
        assertTrue(run.mitm().injected() && run.mitm().deletedBytes() > 0, "the attack did not happen: " + run.mitm());
        assertFalse(run.has(TransportEvent.ExtensionInfo.class), "sshd's EXT_INFO got through" + run.transcript());
        assertTrue(run.loggedIn(), "the session did not carry on to the login" + run.transcript());
        assertEquals(DisconnectReason.BY_APPLICATION, run.ended().reason(), run.transcript());
        awaitSshdLog(run.mitm().upstreamPort(), "Accepted publickey for " + PublicKeyLogin.currentUser(), run);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TerrapinVariant.class, names = {"IGNORE_TO_SERVER_BEFORE_KEXINIT", "IGNORE_TO_SERVER_BEFORE_NEWKEYS"})
    void keywayServerWithStrictKexRefusesAgainstSsh(TerrapinVariant variant) throws Exception {
        SshRun baseline = sshToKeywayServer(null);
        assumeTrue(baseline.strictKex(), "this ssh does not offer strict KEX");
        SshRun run = sshToKeywayServer(variant);
        List<TransportEvent.Disconnected> ends = run.server().events().stream()
                .filter(e -> e instanceof TransportEvent.Disconnected).map(e -> (TransportEvent.Disconnected) e).toList();
        assertEquals(1, ends.size(), run.transcript());
        TransportEvent.Disconnected refusal = ends.get(0);
        assertEquals(new TransportEvent.Disconnected(DisconnectReason.PROTOCOL_ERROR, variant.strictKexRefusal(), false),
                refusal, run.transcript());
        assertEquals(0, run.server().refusedLogins(), run.transcript());
        // ssh prints "Received disconnect from 127.0.0.1 port P:2: strict KEX: ..." and gives up.
        assertTrue(run.sshOutput().contains(":2: " + refusal.description()), run.transcript());
        assertEquals(255, run.sshExit(), run.transcript());
    }

    /** The same path without the attack: ssh and the Keyway server agree on strict KEX and reach the login. */
    @Test
    void theProxyAloneLetsSshThrough() throws Exception {
        SshRun run = sshToKeywayServer(null);
        assertTrue(run.sshOutput().contains("Permission denied"), run.transcript());
        assertTrue(run.server().refusedLogins() >= 1, run.transcript());
        assertFalse(run.mitm().injected(), run.transcript());
    }

    private static boolean sshdOffersStrictKex(ClientRun run) {
        return run.client().stream().anyMatch(e -> e instanceof TransportEvent.KexInitReceived k
                && k.kexInit().kexAlgorithms().contains(STRICT_SERVER));
    }

    /** One Keyway client session to sshd through the man in the middle, and what each side saw. */
    private record ClientRun(List<TransportEvent> client, TerrapinProxy.Report mitm, String transcript) {
        boolean has(Class<? extends TransportEvent> type) {
            return client.stream().anyMatch(type::isInstance);
        }

        boolean loggedIn() {
            return client.stream().anyMatch(e -> e instanceof TransportEvent.ServiceMessage m
                    && m.messageNumber() == PublicKeyLogin.USERAUTH_SUCCESS);
        }

        TransportEvent.Disconnected ended() {
            List<TransportEvent.Disconnected> ends = client.stream().filter(e -> e instanceof TransportEvent.Disconnected)
                    .map(e -> (TransportEvent.Disconnected) e).toList();
            assertEquals(1, ends.size(), "expected one disconnect" + transcript);
            return ends.get(0);
        }
    }

    /**
     * The client asks for ssh-userauth once keys are established, logs in with its key once
     * sshd accepts, and says goodbye once logged in; sshd closes after any SSH_MSG_DISCONNECT.
     */
    private ClientRun keywayClientToSshd(TerrapinVariant variant, boolean strictKex) throws Exception {
        Deadline deadline = RUN_LIMIT.start();
        int extInfoPayload = ExtInfoProbe.payloadLength(sshd.port(), REGISTRY, deadline);
        TransportConfig config = TransportConfig.builder(REGISTRY).strictKex(strictKex)
                .policy(AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, CHACHA20))
                .hostKeyVerifier(key -> key.fingerprint().equals(sshd.hostKey(key.keyType()).fingerprint()))
                .build();
        try (TerrapinProxy mitm = TerrapinProxy.attack(sshd.port(), variant, extInfoPayload, REGISTRY, deadline);
                BlockingTransport t = BlockingTransport.connect(mitm.port(), SshTransport.client(config), deadline)) {
            for (TransportEvent e; (e = t.next(deadline)) != null; ) {
                if (t.engine().isClosed()) {
                    continue;
                }
                if (e instanceof TransportEvent.KeysEstablished) {
                    t.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
                } else if (e instanceof TransportEvent.ServiceMessage m
                        && m.messageNumber() == ServiceLayerMessages.SERVICE_ACCEPT) {
                    t.engine().send(login.request(t.engine().sessionId().orElseThrow()));
                } else if (e instanceof TransportEvent.ServiceMessage) {
                    t.engine().disconnect(DisconnectReason.BY_APPLICATION, "keyway terrapin test done");
                }
            }
            // sshd closed its side; closing ours lets the proxy see both ends.
            t.close();
            return new ClientRun(t.history(), mitm.awaitEnd(deadline), "\nclient events:" + t.describe());
        }
    }

    /** sshd writes its log as it goes: wait (bounded) for the line about this connection. */
    private static void awaitSshdLog(int port, String expected, ClientRun run) {
        Deadline deadline = RUN_LIMIT.start();
        while (!sshd.logOf(port).contains(expected) && !deadline.expired()) {
            deadline.pause(10);
        }
        assertTrue(sshd.logOf(port).contains(expected),
                "'" + expected + "' not in sshd's log of port " + port + ":\n" + sshd.logOf(port) + run.transcript());
    }

    /** One ssh run against the Keyway transport server through the man in the middle. */
    private record SshRun(KeywayTransportServer.Session server, TerrapinProxy.Report mitm, int sshExit,
            String sshOutput) {
        boolean strictKex() {
            return server.events().stream().anyMatch(e -> e instanceof TransportEvent.KeysEstablished k && k.strictKex());
        }

        String transcript() {
            return "\nssh said:\n" + sshOutput + "\nKeyway server events:" + server.transcript();
        }
    }

    /**
     * ssh with chacha20-poly1305, trusting only the Keyway server's key, through the proxy; a
     * null variant relays untouched. ssh's first packet after NEWKEYS is SERVICE_REQUEST
     * "ssh-userauth", whose size the attacker therefore knows.
     */
    private SshRun sshToKeywayServer(TerrapinVariant variant) throws Exception {
        Deadline deadline = RUN_LIMIT.start();
        int serviceRequest = ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH).length;
        TransportConfig config = TransportConfig.builder(REGISTRY).hostKeys(List.of(KEYWAY_HOST_KEY)).build();
        try (KeywayTransportServer server = new KeywayTransportServer();
                TerrapinProxy mitm = variant == null ? TerrapinProxy.passThrough(server.port(), REGISTRY, deadline)
                        : TerrapinProxy.attack(server.port(), variant, serviceRequest, REGISTRY, deadline)) {
            Path knownHosts = sshDirectory.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + mitm.port() + " ssh-ed25519 "
                    + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(KEYWAY_HOST_KEY.getPublic())) + "\n",
                    StandardCharsets.US_ASCII);
            try (OpenSshClientRun ssh = OpenSshClientRun.start(openSsh, sshDirectory, mitm.port(), knownHosts,
                    List.of("Ciphers=" + CHACHA20))) {
                KeywayTransportServer.Session session;
                try {
                    session = server.serveOne(config, 0, deadline);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nssh said:\n" + ssh.output(), e);
                }
                BoundedProcess.Result result = ssh.await(deadline);
                return new SshRun(session, mitm.awaitEnd(deadline), result.exitCode(), result.output());
            }
        }
    }
}
