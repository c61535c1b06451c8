package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Keyway {@link SshClient} logs in with a password to an Apache MINA SSHD server whose host
 * key it checks by its SHA-256 fingerprint as MINA computes it, and runs commands of an in-JVM
 * command factory: output, exit status and 1 MiB through stdin and back; then with the client
 * restricted to one key exchange and cipher, which MINA reports as negotiated.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeywayClientToMinaServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String USER = "alice";
    private static final String PASSWORD = "mina-password";

    private static SshServer mina;
    private static KeyPair hostKey;
    /** Sessions that finished a key exchange, in order; each parameterized case clears it first. */
    private static final List<Session> negotiated = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        hostKey = ec.generateKeyPair();
        mina = SshServer.setUpDefaultServer();
        mina.setHost("127.0.0.1");
        mina.setPort(0);
        mina.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        mina.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        mina.setCommandFactory((channel, command) -> new EchoOrExitCommand(command));
        mina.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KexCompleted) {
                    negotiated.add(session);
                }
            }
        });
        mina.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (mina != null) {
            mina.stop(true);
        }
    }

    private static SshClient client(AlgorithmPolicy policy) {
        String expected = KeyUtils.getFingerPrint(hostKey.getPublic());
        return SshClient.builder().policy(policy).timeout(LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(expected)).build();
    }

    private static ClientSession login(SshClient client) throws IOException {
        return client.connect("127.0.0.1", mina.getPort(), USER, Credentials.password(PASSWORD.toCharArray()));
    }

    private static String run(ClientSession session, String command) throws Exception {
        try (RemoteProcess p = session.exec(command)) {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(LIMIT));
            return out;
        }
    }

    @Test
    void passwordLoginExecAndExitStatus() throws Exception {
        try (SshClient client = client(AlgorithmPolicy.defaults()); ClientSession session = login(client)) {
            assertEquals("echo hello\n", run(session, "echo hello"));
            try (RemoteProcess p = session.exec("exit 5")) {
                p.getOutputStream().close();
                assertEquals(5, p.waitFor(LIMIT));
            }
        }
    }

    @Test
    void oneMebibyteThroughCat() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(5).nextBytes(data);
        try (SshClient client = client(AlgorithmPolicy.defaults()); ClientSession session = login(client);
                RemoteProcess p = session.exec("cat")) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(data);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] back = p.getInputStream().readAllBytes();
            writer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(0, p.waitFor(LIMIT));
            assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(back));
        }
    }

    @Test
    void anotherHostKeyFingerprintIsRefused() throws Exception {
        try (SshClient client = SshClient.builder().timeout(LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).build()) {
            assertThrows(IOException.class, () -> login(client).close());
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        try (SshClient client = client(AlgorithmPolicy.defaults())) {
            assertThrows(IOException.class, () -> client.connect("127.0.0.1", mina.getPort(), USER,
                    Credentials.password("wrong".toCharArray())).close());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "curve25519-sha256, chacha20-poly1305@openssh.com, hmac-sha2-256-etm@openssh.com",
            "ecdh-sha2-nistp256, aes256-gcm@openssh.com, hmac-sha2-256-etm@openssh.com",
            "curve25519-sha256@libssh.org, aes128-ctr, hmac-sha2-256-etm@openssh.com",
            "ecdh-sha2-nistp256, aes256-ctr, hmac-sha2-512",
    })
    void negotiatesWhatTheClientOffers(String kex, String cipher, String mac) throws Exception {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.KEY_EXCHANGE, kex)
                .with(AlgorithmCategory.HOST_KEY, "ecdsa-sha2-nistp256")
                .with(AlgorithmCategory.CIPHER, cipher)
                .with(AlgorithmCategory.MAC, mac);
        negotiated.clear();
        try (SshClient client = client(policy); ClientSession session = login(client)) {
            assertEquals("negotiated\n", run(session, "negotiated"));
            assertEquals(1, negotiated.size(), "key exchanges MINA completed");
            Session s = negotiated.get(0);
            assertEquals(kex, s.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
            assertEquals("ecdsa-sha2-nistp256", s.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS));
            assertEquals(cipher, s.getNegotiatedKexParameter(KexProposalOption.C2SENC));
            assertEquals(cipher, s.getNegotiatedKexParameter(KexProposalOption.S2CENC));
            if (!cipher.contains("gcm") && !cipher.startsWith("chacha20")) {
                assertEquals(mac, s.getNegotiatedKexParameter(KexProposalOption.C2SMAC));
            }
            assertTrue(session.isOpen());
        }
    }
}
