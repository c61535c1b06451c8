package dev.keyway.integration.guice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.guice.KeywayModule;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Guice-built {@link SshClient} logs in to a Guice-built server over 127.0.0.1, both with a
 * {@link CountingProvider} added through the multibinder: with the client's policy overridden
 * to ask for its cipher and MAC, it serves both directions on both sides. The other overridable
 * defaults show here too: the policy left alone picks OpenSSH's first cipher, and the default
 * host key verifier trusts no server until the application binds one.
 */
class GuiceClientToGuiceServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    static Path dir;
    private static final CountingProvider serverSide = new CountingProvider();
    private static GuiceServer server;
    private static String hostKeyFingerprint;

    @BeforeAll
    static void start() throws Exception {
        KeyPair hostKey = AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow()
                .generateKeyPair(new SecureRandom());
        Path hostKeyFile = dir.resolve("ssh_host_ed25519_key");
        PrivateKeyFile.write(hostKeyFile, hostKey);
        hostKeyFingerprint = KeyFingerprint.sha256(PublicKeyBlob.encode(hostKey.getPublic()));
        server = GuiceServer.start(hostKeyFile, serverSide, new AbstractModule() {
            @Override
            protected void configure() {
                bind(PasswordAuthenticator.class).toInstance(
                        (user, password) -> user.equals("alice") && Arrays.equals(password, PASSWORD));
            }
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The client's bindings: KeywayModule, the counting provider, and what {@code more} adds. */
    private static SshClient client(CountingProvider provider, Module... more) {
        List<Module> modules = new ArrayList<>(List.of(more));
        modules.add(new KeywayModule());
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                KeywayModule.providers(binder()).addBinding().toInstance(provider);
            }
        });
        return Guice.createInjector(modules).getInstance(SshClient.class);
    }

    /** Overrides the default verifier: the server's host key, and no other. */
    private static final Module TRUSTING_THE_SERVER = new AbstractModule() {
        @Override
        protected void configure() {
            KeywayModule.hostKeyVerifier(binder()).toInstance(key -> key.fingerprint().equals(hostKeyFingerprint));
        }
    };

    /** Overrides the default policy: only the counting provider's cipher and MAC. */
    private static final Module ASKING_FOR_THE_PROVIDER = new AbstractModule() {
        @Override
        protected void configure() {
            KeywayModule.policy(binder()).toInstance(AlgorithmPolicy.defaults()
                    .with(AlgorithmCategory.CIPHER, CountingProvider.CIPHER).with(AlgorithmCategory.MAC, CountingProvider.MAC));
        }
    };

    private static String echo(ClientSession session) throws Exception {
        RemoteProcess p = session.exec("echo hello");
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertEquals(0, p.waitFor(LIMIT));
        return out;
    }

    @Test
    void theProviderAddedThroughTheMultibinderServesBothSides() throws Exception {
        CountingProvider clientSide = new CountingProvider();
        long serverEncrypted = serverSide.encryptCalls();
        long serverDecrypted = serverSide.decryptCalls();
        long serverMacs = serverSide.macCalls();
        try (SshClient client = client(clientSide, TRUSTING_THE_SERVER, ASKING_FOR_THE_PROVIDER);
                ClientSession session = client.connect("127.0.0.1", server.port(), "alice", Credentials.password(PASSWORD.clone()))) {
            assertEquals(CountingProvider.CIPHER, session.algorithms().cipherClientToServer());
            assertEquals(CountingProvider.CIPHER, session.algorithms().cipherServerToClient());
            assertEquals(CountingProvider.MAC, session.algorithms().macServerToClient());
            assertEquals("hello\n", echo(session));
        }
        assertEquals(CountingProvider.NAME, server.providerOf(AlgorithmCategory.CIPHER, CountingProvider.CIPHER));
        assertTrue(clientSide.encryptCalls() > 0 && clientSide.decryptCalls() > 0 && clientSide.macCalls() > 0,
                "the client's provider was not used");
        assertTrue(serverSide.encryptCalls() > serverEncrypted && serverSide.decryptCalls() > serverDecrypted
                && serverSide.macCalls() > serverMacs, "the server's provider was not used");
    }

    /** Without the policy override, both sides offer ChaCha20-Poly1305 first, which the provider lacks. */
    @Test
    void theDefaultPolicyLeavesTheProviderUnused() throws Exception {
        CountingProvider clientSide = new CountingProvider();
        try (SshClient client = client(clientSide, TRUSTING_THE_SERVER);
                ClientSession session = client.connect("127.0.0.1", server.port(), "alice", Credentials.password(PASSWORD.clone()))) {
            assertEquals("chacha20-poly1305@openssh.com", session.algorithms().cipherClientToServer());
            assertEquals("hello\n", echo(session));
        }
        assertEquals(0, clientSide.encryptCalls() + clientSide.decryptCalls() + clientSide.macCalls());
    }

    /** The default verifier refuses every host key (RFC 4253 §8): no login, no password sent. */
    @Test
    void theDefaultVerifierTrustsNoServer() {
        try (SshClient client = client(new CountingProvider())) {
            IOException e = assertThrows(IOException.class, () -> client.connect("127.0.0.1", server.port(), "alice",
                    Credentials.password(PASSWORD.clone())));
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("host key"), e.getMessage());
        }
    }
}
