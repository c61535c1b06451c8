package dev.keyway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import dev.keyway.api.wire.SshReader;
import dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider;
import dev.keyway.provider.jca.JcaAlgorithmProvider;
import dev.keyway.provider.userauth.UserAuthAlgorithmProvider;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Algorithms from a source, over TCP with a Keyway client: a server checks its source when it
 * starts, each connection keeps the snapshot of its start (re-keys included), and the server
 * half of an authentication method stays the one the server started with unless the embedder
 * allows plugged ones.
 */
class AlgorithmSourceTest {
    private static final Duration LIMIT = SshSessionTest.LIMIT;
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final KeyPair HOST_KEY = SshSessionTest.ed25519();
    private static final String CHACHA = "chacha20-poly1305@openssh.com";

    private static AlgorithmRegistry registry(AlgorithmProvider... providers) {
        return AlgorithmRegistry.builder().addAll(List.of(providers)).build();
    }

    private static SshServer.Builder server(AlgorithmSource source) {
        return SshServer.builder().hostKeys(List.of(HOST_KEY)).algorithms(source)
                .passwordAuthenticator((user, password) -> Arrays.equals(password, PASSWORD))
                .execHandler(new SystemShell());
    }

    private static SshClient.Builder client() {
        return SshClient.builder().hostKeyVerifier(SshSessionTest.expecting(HOST_KEY)).timeout(LIMIT);
    }

    @Test
    void aServerWhoseSourceOffersNoKeyExchangeDoesNotStart() {
        AlgorithmSource source = AlgorithmSource.fixed(registry(new JcaAlgorithmProvider(), new UserAuthAlgorithmProvider()));
        try (SshServer s = server(source).policy(AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.KEY_EXCHANGE, "no-such-kex@example.com")).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, s::start);
            assertTrue(e.getMessage().contains("kex_algorithms"), e.getMessage());
            assertTrue(e.getMessage().contains("jca"), "names the providers present: " + e.getMessage());
        }
    }

    @Test
    void anEmptySourceNamesEveryEmptyField() {
        try (SshServer s = server(AlgorithmSource.fixed(registry())).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, s::start);
            for (String field : List.of("kex_algorithms", "server_host_key_algorithms", "encryption_algorithms",
                    "mac_algorithms")) {
                assertTrue(e.getMessage().contains(field), e.getMessage());
            }
            assertTrue(e.getMessage().contains("providers: none"), e.getMessage());
        }
    }

    @Test
    void aServerAllowingPasswordsNeedsAProviderOfThePasswordMethod() {
        try (SshServer s = server(AlgorithmSource.fixed(registry(new JcaAlgorithmProvider()))).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, s::start);
            assertTrue(e.getMessage().contains("password"), e.getMessage());
        }
    }

    @Test
    void aClientWhoseSourceOffersNoCipherDoesNotConnect() throws Exception {
        try (SshServer s = server(AlgorithmSource.fixed(AlgorithmRegistry.loadDefault())).build();
                SshClient c = client().algorithms(AlgorithmSource.fixed(registry(new UserAuthAlgorithmProvider())))
                        .build()) {
            int port = s.start().getPort();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD)));
            assertTrue(e.getMessage().contains("encryption_algorithms"), e.getMessage());
        }
    }

    /**
     * The JDK cannot build chacha20-poly1305, Bouncy Castle can: a session that started while only
     * the JDK's provider was there keeps AES through a re-key after Bouncy Castle arrives, and the
     * next session gets ChaCha20; when Bouncy Castle leaves, the next one is back to AES.
     */
    @Test
    void eachConnectionKeepsTheAlgorithmsOfItsStart() throws Exception {
        AlgorithmRegistry jdkOnly = registry(new JcaAlgorithmProvider(), new UserAuthAlgorithmProvider());
        AlgorithmRegistry withBc = registry(new JcaAlgorithmProvider(), new BouncyCastleAlgorithmProvider(),
                new UserAuthAlgorithmProvider());
        AtomicReference<AlgorithmRegistry> current = new AtomicReference<>(jdkOnly);
        List<Integer> clientKeyExchanges = new CopyOnWriteArrayList<>();
        try (SshServer s = server(current::get).build();
                SshClient c = client().transportObserver(e -> {
                    if (e instanceof TransportEvent.KeysEstablished k) {
                        clientKeyExchanges.add(k.keyExchangeCount());
                    }
                }).build()) {
            int port = s.start().getPort();
            try (ClientSession first = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                assertEquals("aes128-gcm@openssh.com", first.algorithms().cipherClientToServer());
                current.set(withBc);
                try (ClientSession second = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                    assertEquals(CHACHA, second.algorithms().cipherClientToServer());
                }
                first.rekey();
                assertEquals("after re-key\n", run(first, "echo after re-key"));
                assertTrue(clientKeyExchanges.contains(2), "the first session re-keyed: " + clientKeyExchanges);
                assertEquals("aes128-gcm@openssh.com", first.algorithms().cipherClientToServer(),
                        "the re-key chose from the session's own snapshot");
                current.set(jdkOnly);
                try (ClientSession third = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                    assertEquals("aes128-gcm@openssh.com", third.algorithms().cipherClientToServer());
                }
            }
        }
    }

    @Test
    void aPluggedPasswordMethodDoesNotReplaceTheServersOwn() throws Exception {
        AtomicReference<AlgorithmRegistry> current = new AtomicReference<>(AlgorithmRegistry.loadDefault());
        try (SshServer s = server(current::get).build(); SshClient c = client().build()) {
            int port = s.start().getPort();
            current.set(withRoguePassword());
            assertThrows(AuthenticationException.class,
                    () -> c.connect("127.0.0.1", port, "alice", Credentials.password("wrong".toCharArray())));
            try (ClientSession ok = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                assertTrue(ok.isOpen());
            }
        }
    }

    @Test
    void anEmbedderMayAllowPluggedMethods() throws Exception {
        AtomicReference<AlgorithmRegistry> current = new AtomicReference<>(AlgorithmRegistry.loadDefault());
        try (SshServer s = server(current::get).allowPluggedAuthMethods().build(); SshClient c = client().build()) {
            int port = s.start().getPort();
            current.set(withRoguePassword());
            try (ClientSession rogue = c.connect("127.0.0.1", port, "alice", Credentials.password("wrong".toCharArray()))) {
                assertTrue(rogue.isOpen(), "the plugged method decided, as the embedder allowed");
            }
        }
    }

    /**
     * The source is the embedder's code: the server asks it on its own thread, so a slow source
     * holds up only the connection waiting for it, never the network thread serving others.
     */
    @Test
    void theSourceIsAskedOffTheNetworkThread() throws Exception {
        AlgorithmRegistry all = AlgorithmRegistry.loadDefault();
        List<String> askedOn = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean holdNext = new java.util.concurrent.atomic.AtomicBoolean();
        AlgorithmSource source = () -> {
            askedOn.add(Thread.currentThread().getName());
            if (holdNext.getAndSet(false)) {
                try {
                    slow.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return all;
        };
        try (SshServer s = server(source).build(); SshClient c = client().build()) {
            int port = s.start().getPort();
            try (ClientSession open = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                holdNext.set(true);
                java.util.concurrent.CompletableFuture<ClientSession> held = java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> {
                            try {
                                return c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                assertEquals("still served\n", run(open, "echo still served"),
                        "the loop serves a running session while a snapshot is being taken");
                slow.countDown();
                try (ClientSession late = held.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    assertTrue(late.isOpen());
                }
            }
        }
        assertEquals(3, askedOn.size(), "asked by start() and for each connection: " + askedOn);
        assertEquals(Thread.currentThread().getName(), askedOn.get(0), "start() checks on the caller's thread");
        assertTrue(askedOn.subList(1, 3).stream().allMatch(t -> t.startsWith("keyway-algorithms-")),
                "asked on: " + askedOn);
    }

    /**
     * LoginGraceTime runs while the connection waits for its snapshot: past it, the server
     * closes the socket without a word (nothing was said yet), and the snapshot that comes
     * later makes no session for it.
     */
    @Test
    void aConnectionWaitingForItsSnapshotStillHasALoginGraceTime() throws Exception {
        AlgorithmRegistry all = AlgorithmRegistry.loadDefault();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean holdNext = new java.util.concurrent.atomic.AtomicBoolean();
        AlgorithmSource source = () -> {
            if (holdNext.getAndSet(false)) {
                try {
                    release.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return all;
        };
        try (SshServer s = server(source).loginGraceTime(Duration.ofSeconds(1)).build(); SshClient c = client().build()) {
            int port = s.start().getPort();
            holdNext.set(true);
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
                raw.setSoTimeout((int) LIMIT.toMillis());
                assertEquals(-1, raw.getInputStream().read(), "closed without a version line");
            }
            release.countDown();
            try (ClientSession next = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                assertEquals("served\n", run(next, "echo served"));
            }
        }
    }

    /** A source that throws costs the connection that waited for it, not the server. */
    @Test
    void aFailingSourceClosesOnlyTheConnectionsThatWaitedForIt() throws Exception {
        AlgorithmRegistry all = AlgorithmRegistry.loadDefault();
        java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean();
        AlgorithmSource source = () -> {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the container is restarting");
            }
            return all;
        };
        try (SshServer s = server(source).build(); SshClient c = client().build()) {
            int port = s.start().getPort();
            failNext.set(true);
            assertThrows(IOException.class, () -> c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD)));
            try (ClientSession next = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                assertEquals("served\n", run(next, "echo served"));
            }
        }
    }

    private static String run(ClientSession session, String command) throws Exception {
        RemoteProcess p = session.exec(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(LIMIT));
        return out;
    }

    /** The default providers and, ranked above them, one whose server half of password lets anyone in. */
    private static AlgorithmRegistry withRoguePassword() {
        AlgorithmProvider rogue = new AlgorithmProvider() {
            @Override
            public String name() {
                return "rogue";
            }

            @Override
            public int priority() {
                return 1_000;
            }

            @Override
            public List<SshAlgorithm> algorithms() {
                return List.of();
            }

            @Override
            public List<UserAuthMethod> userAuthMethods() {
                return List.of(new AnyPassword());
            }
        };
        return AlgorithmRegistry.builder().add(rogue).addAll(AlgorithmRegistry.loadDefault().providers()).build();
    }

    private static final class AnyPassword implements UserAuthMethod {
        @Override
        public String name() {
            return "password";
        }

        @Override
        public ClientAuthExchange startClient(ClientAuthContext context) {
            return null;
        }

        @Override
        public ServerAuthExchange startServer(ServerAuthContext context) {
            return new ServerAuthExchange() {
                @Override
                public Outcome onRequest(SshReader methodFields) {
                    return new Outcome.Success();
                }

                @Override
                public Outcome onMessage(byte[] payload) {
                    return new Outcome.Failure(false, "");
                }
            };
        }
    }
}
