package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Terrapin attack ({@link TerrapinVariant}: paper §4.1 and §5.2; OpenSSH PROTOCOL,
 * "transport: strict key exchange extension") performed for real on 127.0.0.1 between Keyway's
 * client and Keyway's server, through a man in the middle ({@link TerrapinProxy}) that reads
 * the clear-text packets, injects SSH_MSG_IGNORE toward the victim and deletes the first
 * encrypted packet its peer sends.
 * <ul>
 * <li>{@link SshClient} and {@link SshServer} as shipped, strict KEX on by default: the victim
 *     ends the connection with SSH_MSG_DISCONNECT PROTOCOL_ERROR "strict KEX: …" in every
 *     variant and every round, and {@code connect()} fails;
 * <li>the bare transport engines ({@link TerrapinSession}) with strict KEX on: the same refusal,
 *     in the harness of the control below;
 * <li>the control, strict KEX off on both sides, chacha20-poly1305: the deletion goes unnoticed.
 *     The client never sees the server's EXT_INFO (no {@code ExtensionInfo} event, so no
 *     server-sig-algs), or the server never sees the client's first message, and the session
 *     carries on;
 * <li>without strict KEX, aes128-ctr with hmac-sha2-256-etm: the MAC verifies, so the
 *     sequence numbers did line up, but the CTR keystream runs on across packets and the
 *     receiver is one packet behind: what follows decrypts to noise and the session breaks
 *     instead of carrying on (in line with the paper, which finds ChaCha20-Poly1305 and CBC-EtM
 *     exploitable, and CTR-EtM not);
 * <li>without strict KEX, aes256-gcm: the nonce counts packets, not sequence numbers (RFC 5647
 *     §7.1), so the tag check catches the deletion.
 * </ul>
 */
class TerrapinKeywayTest {
    private static final Deadline.Limit RUN_LIMIT = Deadline.Limit.ofSeconds(15);
    /** Each refusal is shown this many times over: fresh keys, padding and cookies each round. */
    private static final int ROUNDS = 3;
    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    private static final KeyPair HOST_KEY = REGISTRY.signature("ssh-ed25519").orElseThrow()
            .generateKeyPair(new SecureRandom());
    private static final String CHACHA20 = "chacha20-poly1305@openssh.com";
    private static final String AES_CTR = "aes128-ctr";
    private static final String ETM_MAC = "hmac-sha2-256-etm@openssh.com";
    private static final String AES_GCM = "aes256-gcm@openssh.com";
    private static ExecutorService serverThread;

    @BeforeAll
    static void startServerThread() {
        serverThread = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopServerThread() throws InterruptedException {
        serverThread.shutdownNow();
        serverThread.awaitTermination(5, TimeUnit.SECONDS);
    }

    static Stream<Arguments> variantsAndCiphers() {
        return Stream.of(TerrapinVariant.values())
                .flatMap(v -> Stream.of(Arguments.of(v, CHACHA20, null), Arguments.of(v, AES_CTR, ETM_MAC)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TerrapinVariant.class)
    void sshClientAndServerAsShippedRefuseTheAttack(TerrapinVariant variant) throws Exception {
        BlockingQueue<TransportEvent.Disconnected> serverEnds = new LinkedBlockingQueue<>();
        BlockingQueue<TransportEvent.Disconnected> clientEnds = new LinkedBlockingQueue<>();
        byte[] hostKeyBlob = PublicKeyBlob.encode(HOST_KEY.getPublic());
        try (SshServer server = SshServer.builder().registry(REGISTRY).hostKeys(List.of(HOST_KEY))
                        .passwordAuthenticator((user, password) -> false).transportObserver(ends(serverEnds)).build();
                SshClient client = SshClient.builder().registry(REGISTRY)
                        .hostKeyVerifier(key -> Arrays.equals(key.blob(), hostKeyBlob))
                        .timeout(RUN_LIMIT.duration()).transportObserver(ends(clientEnds)).build()) {
            int port = server.start().getPort();
            for (int round = 1; round <= ROUNDS; round++) {
                Deadline deadline = RUN_LIMIT.start();
                // Keyway's client sends SERVICE_REQUEST "ssh-userauth" first after NEWKEYS.
                int expectedPayload = variant.victimIsClient() ? ExtInfoProbe.payloadLength(port, REGISTRY, deadline)
                        : ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH).length;
                try (TerrapinProxy mitm = TerrapinProxy.attack(port, variant, expectedPayload, REGISTRY, deadline)) {
                    IOException refused = assertThrows(IOException.class, () -> client.connect("127.0.0.1",
                            mitm.port(), "alice", Credentials.password("secret".toCharArray())));
                    TransportEvent.Disconnected victim = next(variant.victimIsClient() ? clientEnds : serverEnds,
                            deadline);
                    String where = "round " + round + ": ";
                    assertRefusedByStrictKex(variant, victim, where + refused.getMessage());
                    if (variant.victimIsClient()) {
                        assertTrue(refused.getMessage().contains(victim.description()), where + refused.getMessage());
                    }
                    assertTrue(mitm.awaitEnd(deadline).injected(), where + "the IGNORE was never injected");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} with {1} {2}")
    @MethodSource("variantsAndCiphers")
    void transportsWithStrictKexRefuseTheAttack(TerrapinVariant variant, String cipher, String mac) throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            TerrapinSession.Outcome o = attack(variant, cipher, mac, true);
            TransportEvent.Disconnected refusal = only(o.victim(), TransportEvent.Disconnected.class, o);
            assertRefusedByStrictKex(variant, refusal, "round " + round + o.transcript());
            assertFalse(o.victim().stream().anyMatch(e -> e instanceof TransportEvent.ServiceMessage
                    || e instanceof TransportEvent.ExtensionInfo || e instanceof TransportEvent.DebugMessage),
                    "the victim took a message after the injection" + o.transcript());
            if (variant.victimIsClient()) {
                // The server learns why: the client's SSH_MSG_DISCONNECT still reached it.
                TransportEvent.Disconnected told = only(o.server(), TransportEvent.Disconnected.class, o);
                assertEquals(new TransportEvent.Disconnected(refusal.reason(), refusal.description(), true), told);
            }
            assertTrue(o.mitm().injected(), "the IGNORE was never injected" + o.transcript());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TerrapinVariant.class)
    void withoutStrictKexChaCha20LosesAPacketUnnoticed(TerrapinVariant variant) throws Exception {
        TerrapinSession.Outcome o = attackWithoutStrictKex(variant, CHACHA20, null);
        // For the client: no ExtensionInfo event, so server-sig-algs stays unknown (RFC 8308 §3.1).
        assertFalse(has(o.victim(), deletedMessage(variant), e -> true),
                "the deleted message got through" + o.transcript());
        assertTrue(has(o.victim(), TransportEvent.ServiceMessage.class,
                m -> Arrays.equals(m.payload(), nextMessage(variant))),
                "the packet after the deleted one did not arrive intact" + o.transcript());
        // The session carries on to an orderly goodbye, whoever said it first.
        assertEquals(DisconnectReason.BY_APPLICATION, only(o.victim(), TransportEvent.Disconnected.class, o).reason(),
                o.transcript());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TerrapinVariant.class)
    void withoutStrictKexAesCtrEtmPassesTheMacButDecryptsNoise(TerrapinVariant variant) throws Exception {
        TerrapinSession.Outcome o = attackWithoutStrictKex(variant, AES_CTR, ETM_MAC);
        assertFalse(has(o.victim(), deletedMessage(variant), e -> true), o.transcript());
        assertFalse(has(o.victim(), TransportEvent.Disconnected.class,
                d -> d.reason() == DisconnectReason.MAC_ERROR && !d.byPeer()),
                "the MAC caught the deletion: the sequence numbers did not line up" + o.transcript());
        assertFalse(has(o.victim(), TransportEvent.ServiceMessage.class,
                m -> Arrays.equals(m.payload(), nextMessage(variant))),
                "the packet after the deleted one decrypted as sent: the session carried on" + o.transcript());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TerrapinVariant.class)
    void withoutStrictKexAesGcmCatchesTheDeletion(TerrapinVariant variant) throws Exception {
        TerrapinSession.Outcome o = attackWithoutStrictKex(variant, AES_GCM, null);
        assertEquals(new TransportEvent.Disconnected(DisconnectReason.MAC_ERROR, "message authentication failed", false),
                only(o.victim(), TransportEvent.Disconnected.class, o), o.transcript());
    }

    /** The man in the middle without the attack: the same client logs in through it, strict KEX on. */
    @Test
    void theProxyAloneChangesNothing() throws Exception {
        Deadline deadline = RUN_LIMIT.start();
        byte[] hostKeyBlob = PublicKeyBlob.encode(HOST_KEY.getPublic());
        try (SshServer server = SshServer.builder().registry(REGISTRY).hostKeys(List.of(HOST_KEY))
                        .passwordAuthenticator((user, password) -> "alice".equals(user)).build();
                SshClient client = SshClient.builder().registry(REGISTRY)
                        .hostKeyVerifier(key -> Arrays.equals(key.blob(), hostKeyBlob)).timeout(RUN_LIMIT.duration())
                        .build();
                TerrapinProxy mitm = TerrapinProxy.passThrough(server.start().getPort(), REGISTRY, deadline)) {
            try (ClientSession session = client.connect("127.0.0.1", mitm.port(), "alice",
                    Credentials.password("secret".toCharArray()))) {
                assertTrue(session.isOpen());
            }
            TerrapinProxy.Report report = mitm.awaitEnd(deadline);
            assertFalse(report.injected());
            assertEquals(0, report.deletedBytes());
        }
    }

    private static TerrapinSession.Outcome attack(TerrapinVariant variant, String cipher, String mac, boolean strictKex)
            throws Exception {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, cipher);
        if (mac != null) {
            policy = policy.with(AlgorithmCategory.MAC, mac);
        }
        byte[] hostKeyBlob = PublicKeyBlob.encode(HOST_KEY.getPublic());
        TransportConfig server = TransportConfig.builder(REGISTRY).policy(policy).strictKex(strictKex)
                .hostKeys(List.of(HOST_KEY)).build();
        TransportConfig client = TransportConfig.builder(REGISTRY).policy(policy).strictKex(strictKex)
                .hostKeyVerifier(key -> Arrays.equals(key.blob(), hostKeyBlob)).build();
        return TerrapinSession.run(variant, client, server, REGISTRY, serverThread, RUN_LIMIT.start());
    }

    /** The attack with strict KEX off on both sides; fails unless it really happened. */
    private static TerrapinSession.Outcome attackWithoutStrictKex(TerrapinVariant variant, String cipher, String mac)
            throws Exception {
        TerrapinSession.Outcome o = attack(variant, cipher, mac, false);
        assertTrue(o.mitm().injected() && o.mitm().deletedBytes() > 0, "the attack did not happen: " + o.mitm());
        assertTrue(has(o.victim(), TransportEvent.KeysEstablished.class, k -> !k.strictKex()), o.transcript());
        return o;
    }

    /** The event the deleted message would have raised at the victim. */
    private static Class<? extends TransportEvent> deletedMessage(TerrapinVariant variant) {
        return variant.victimIsClient() ? TransportEvent.ExtensionInfo.class : TransportEvent.DebugMessage.class;
    }

    /** The payload of the packet that follows the deleted one. */
    private static byte[] nextMessage(TerrapinVariant variant) {
        return variant.victimIsClient() ? ServiceLayerMessages.serviceAccept(ServiceLayerMessages.USERAUTH)
                : ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH);
    }

    /** The victim ended the connection itself, saying what strict KEX forbids. */
    private static void assertRefusedByStrictKex(TerrapinVariant variant, TransportEvent.Disconnected d, String context) {
        assertEquals(new TransportEvent.Disconnected(DisconnectReason.PROTOCOL_ERROR, variant.strictKexRefusal(), false),
                d, context);
    }

    private static Consumer<TransportEvent> ends(BlockingQueue<TransportEvent.Disconnected> q) {
        return e -> {
            if (e instanceof TransportEvent.Disconnected d) {
                q.add(d);
            }
        };
    }

    /** The next end of a connection the observer saw. */
    private static TransportEvent.Disconnected next(BlockingQueue<TransportEvent.Disconnected> q, Deadline deadline)
            throws InterruptedException {
        TransportEvent.Disconnected d = q.poll(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no disconnect within " + deadline.limit().toSeconds() + " s");
        }
        return d;
    }

    private static <T extends TransportEvent> boolean has(List<TransportEvent> events, Class<T> type,
            Predicate<? super T> wanted) {
        return events.stream().anyMatch(e -> type.isInstance(e) && wanted.test(type.cast(e)));
    }

    /** The one event of this type; more or none fails. */
    private static <T extends TransportEvent> T only(List<TransportEvent> events, Class<T> type,
            TerrapinSession.Outcome o) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "expected one " + type.getSimpleName() + o.transcript());
        return found.get(0);
    }
}
