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
