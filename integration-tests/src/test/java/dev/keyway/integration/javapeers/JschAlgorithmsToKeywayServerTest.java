package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSch restricted to one key exchange, host key, cipher and MAC logs in to a Keyway server
 * (which offers its defaults) and runs a command; JSch reports that exactly those were
 * negotiated in both directions (RFC 4253 §7.1).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JschAlgorithmsToKeywayServerTest {
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

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
            "curve25519-sha256, ssh-ed25519, chacha20-poly1305@openssh.com, hmac-sha2-256-etm@openssh.com",
            "curve25519-sha256, ssh-ed25519, aes256-gcm@openssh.com, hmac-sha2-256-etm@openssh.com",
            "curve25519-sha256, ecdsa-sha2-nistp256, aes128-ctr, hmac-sha2-256-etm@openssh.com",
            "ecdh-sha2-nistp256, ssh-ed25519, aes128-ctr, hmac-sha2-256-etm@openssh.com",
            "ecdh-sha2-nistp256, ecdsa-sha2-nistp256, aes256-ctr, hmac-sha2-512",
            "curve25519-sha256@libssh.org, ssh-ed25519, aes128-gcm@openssh.com, hmac-sha2-256",
    })
    void negotiatesAndRuns(String kex, String hostKey, String cipher, String mac) throws Exception {
        Session session = JschExec.session(new JSch(), server.port(), server.knownHostsLines());
        session.setPassword(KeywayServerForPeers.PASSWORD);
        session.setConfig("PreferredAuthentications", "password");
        session.setConfig("kex", kex);
        session.setConfig("server_host_key", hostKey);
        session.setConfig("cipher.c2s", cipher);
        session.setConfig("cipher.s2c", cipher);
        session.setConfig("mac.c2s", mac);
        session.setConfig("mac.s2c", mac);
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            JschExec.Result r = JschExec.run(session, "echo " + cipher);
            assertEquals(cipher + "\n", r.out(), r.stderr());
            assertEquals(0, r.exitStatus());
            assertEquals(kex, session.getKexAlgorithm());
            assertEquals(hostKey, session.getServerHostKeyAlgorithm());
            assertEquals(cipher, session.getCipherAlgorithmC2S());
            assertEquals(cipher, session.getCipherAlgorithmS2C());
            if (!cipher.contains("gcm") && !cipher.startsWith("chacha20")) {
                assertEquals(mac, session.getMacAlgorithmC2S());
                assertEquals(mac, session.getMacAlgorithmS2C());
            }
            assertEquals(hostKey.startsWith("ssh-ed25519") ? "ssh-ed25519" : hostKey, session.getHostKey().getType());
        } finally {
            session.disconnect();
        }
    }
}
