package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import dev.keyway.integration.PostQuantumKeyExchanges;
import dev.keyway.transport.NegotiatedAlgorithms;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSch against a Keyway server: both sides agree on strict key exchange (the Terrapin
 * countermeasure, OpenSSH PROTOCOL "kex-strict"), a key re-exchange JSch starts mid-session
 * (RFC 4253 §9) leaves the session working after each post-quantum hybrid key exchange, and an
 * RSA key logs in with an rsa-sha2 signature chosen from the server's server-sig-algs (RFC 8308,
 * RFC 8332).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JschRekeyAndStrictKexTest {
    private static KeywayServerForPeers server;

    @BeforeAll
    static void start() throws Exception {
        server = KeywayServerForPeers.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** JSch's defaults put {@code mlkem768x25519-sha256} first (on Bouncy Castle under Java 17). */
    @Test
    void strictKexAndRekeyKeepTheSessionWorkingWithTheDefaultMlKemHybrid() throws Exception {
        strictKexAndRekey(passwordSession(), PostQuantumKeyExchanges.MLKEM768_X25519);
    }

    /** JSch 2.28 has all five of Keyway's post-quantum hybrids; offering only one, it must get it twice. */
    @ParameterizedTest
    @MethodSource("dev.keyway.integration.PostQuantumKeyExchanges#all")
    void rekeyAfterTheOnlyHybridOffered(String kex) throws Exception {
        Session session = passwordSession();
        session.setConfig("kex", kex);
        strictKexAndRekey(session, kex);
    }

    private static Session passwordSession() throws Exception {
        Session session = JschExec.session(new JSch(), server.port(), server.knownHostsLines());
        session.setPassword(KeywayServerForPeers.PASSWORD);
        session.setConfig("PreferredAuthentications", "password");
        return session;
    }

    /**
     * Strict KEX, a command, a re-exchange JSch starts, two more commands; both exchanges chose
     * {@code expectedKex}, as JSch and the Keyway server report it.
     */
    private static void strictKexAndRekey(Session session, String expectedKex) throws Exception {
        server.clearNegotiations();
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            assertTrue(session.isStrictKex(), "strict kex not negotiated");
            assertEquals("before\n", JschExec.run(session, "echo before").out());
            session.rekey();
            CommandResult after = JschExec.run(session, "echo after");
            assertEquals("after\n", after.out(), after.stderr());
            CommandResult again = JschExec.run(session, "exit 9");
            assertEquals(9, again.exitStatus());
            assertEquals(expectedKex, session.getKexAlgorithm(), "JSch's choice");
        } finally {
            session.disconnect();
        }
        assertEquals(List.of(expectedKex, expectedKex),
                server.negotiations().stream().map(NegotiatedAlgorithms::kex).toList(), "the Keyway server's choices");
    }

    @Test
    void rsaKeyLogsInWithRsaSha2() throws Exception {
        JSch jsch = new JSch();
        KeyPair key = KeyPair.genKeyPair(jsch, KeyPair.RSA, 3072);
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        key.writePrivateKey(privateKey);
        jsch.addIdentity("rsa", privateKey.toByteArray(), null, null);
        server.authorize(key.getPublicKeyBlob());
        Session session = JschExec.session(jsch, server.port(), server.knownHostsLines());
        session.setConfig("PreferredAuthentications", "publickey");
        // Only the SHA-2 signatures: ssh-rsa (SHA-1) must not be what makes this pass.
        session.setConfig("PubkeyAcceptedAlgorithms", "rsa-sha2-512,rsa-sha2-256");
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            assertEquals("rsa\n", JschExec.run(session, "echo rsa").out());
        } finally {
            session.disconnect();
        }
    }
}
