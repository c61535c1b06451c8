package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.integration.PostQuantumKeyExchanges;
import dev.keyway.transport.NegotiatedAlgorithms;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MINA SSHD client against a Keyway server: publickey login with ECDSA and RSA keys
 * (RFC 4252 §7, RFC 8332), a key re-exchange MINA starts on request after each post-quantum
 * hybrid key exchange, and repeated re-exchanges MINA starts on its byte limit while 1 MiB goes
 * through {@code cat} (RFC 4253 §9).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MinaRekeyAndPublicKeyTest {
    private static KeywayServerForPeers server;
    private SshClient mina;
    private final AtomicInteger keyExchanges = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = KeywayServerForPeers.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stopClient() {
        if (mina != null) {
            mina.stop();
        }
    }

    private SshClient connect() {
        mina = MinaClientForPeers.client(server);
        mina.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KexCompleted) {
                    keyExchanges.incrementAndGet();
                }
            }
        });
        return mina;
    }

    private ClientSession open(KeyPair userKey) throws Exception {
        return MinaClientForPeers.login(mina, server, session -> {
            if (userKey == null) {
                session.addPasswordIdentity(KeywayServerForPeers.PASSWORD);
            } else {
                session.addPublicKeyIdentity(userKey);
            }
        });
    }

    private static byte[] exec(ClientSession session, String command, byte[] stdin) throws Exception {
        CommandResult r = MinaClientForPeers.exec(session, command, stdin);
        assertEquals(0, r.exitStatus(), command);
        return r.stdout();
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec, int bits)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            g.initialize(spec);
        } else {
            g.initialize(bits);
        }
        return g.generateKeyPair();
    }

    @Test
    void ecdsaPublicKeyLogin() throws Exception {
        assertPublicKeyLogin(generate("EC", new ECGenParameterSpec("secp256r1"), 0));
    }

    @Test
    void rsaPublicKeyLogin() throws Exception {
        assertPublicKeyLogin(generate("RSA", null, 3072));
    }

    private void assertPublicKeyLogin(KeyPair key) throws Exception {
        server.authorize(PublicKeyBlob.encode(key.getPublic()));
        connect();
        try (ClientSession session = open(key)) {
            assertEquals("key\n", new String(exec(session, "echo key", new byte[0]), StandardCharsets.UTF_8));
        }
    }

    /** With the defaults of both, they agree on MINA's first choice, a post-quantum hybrid. */
    @Test
    void defaultsAgreeOnMinasFirstHybridAndRekeyOnRequest() throws Exception {
        connect();
        rekeyOnRequest(PostQuantumKeyExchanges.SNTRUP761_X25519);
    }

    /**
     * MINA 2.20 offers all five of Keyway's hybrids, on Bouncy Castle's lightweight ML-KEM and
     * NTRU Prime (found on the class path, no JCA registration needed); offering only one, it
     * must get it twice.
     */
    @ParameterizedTest
    @MethodSource("dev.keyway.integration.PostQuantumKeyExchanges#all")
    void rekeyOnRequestAfterTheOnlyHybridOffered(String kex) throws Exception {
        MinaAlgorithms.offerOnlyKeyExchange(connect(), kex);
        rekeyOnRequest(kex);
    }

    /**
     * A command, a re-exchange MINA starts and waits for, another command: both exchanges
     * chose {@code expectedKex}, as MINA and the Keyway server report it.
     */
    private void rekeyOnRequest(String expectedKex) throws Exception {
        server.clearNegotiations();
        try (ClientSession session = open(null)) {
            assertEquals("one\n", new String(exec(session, "echo one", new byte[0]), StandardCharsets.UTF_8));
            assertTrue(session.reExchangeKeys().verify(MinaClientForPeers.LIMIT).isDone());
            assertEquals("two\n", new String(exec(session, "echo two", new byte[0]), StandardCharsets.UTF_8));
            assertEquals(expectedKex, session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS), "MINA's choice");
        }
        assertEquals(2, keyExchanges.get(), "key exchanges MINA completed");
        assertEquals(List.of(expectedKex, expectedKex),
                server.negotiations().stream().map(NegotiatedAlgorithms::kex).toList(), "the Keyway server's choices");
    }

    @Test
    void rekeysDuringOneMebibyteThroughCat() throws Exception {
        connect();
        CoreModuleProperties.REKEY_BYTES_LIMIT.set(mina, 128L * 1024);
        byte[] data = new byte[1024 * 1024];
        new Random(11).nextBytes(data);
        byte[] back;
        try (ClientSession session = open(null)) {
            back = exec(session, "cat", data);
        }
        assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(back));
        assertTrue(keyExchanges.get() >= 3, "key exchanges: " + keyExchanges.get());
    }
}
