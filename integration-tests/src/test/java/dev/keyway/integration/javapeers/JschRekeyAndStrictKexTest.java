package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JSch against a Keyway server: both sides agree on strict key exchange (the Terrapin
 * countermeasure, OpenSSH PROTOCOL "kex-strict"), a key re-exchange JSch starts mid-session
 * (RFC 4253 §9) leaves the session working, and an RSA key logs in with an rsa-sha2 signature
 * chosen from the server's server-sig-algs (RFC 8308, RFC 8332).
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

    @Test
    void strictKexAndRekeyKeepTheSessionWorking() throws Exception {
        Session session = JschExec.session(new JSch(), server.port(), server.knownHostsLines());
        session.setPassword(KeywayServerForPeers.PASSWORD);
        session.setConfig("PreferredAuthentications", "password");
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            assertTrue(session.isStrictKex(), "strict kex not negotiated");
            assertEquals("before\n", JschExec.run(session, "echo before").out());
            session.rekey();
            CommandResult after = JschExec.run(session, "echo after");
            assertEquals("after\n", after.out(), after.stderr());
            CommandResult again = JschExec.run(session, "exit 9");
            assertEquals(9, again.exitStatus());
        } finally {
            session.disconnect();
        }
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
