package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Apache MINA SSHD's client logs in with a password to a Keyway {@code SshServer}, accepting
 * only Keyway's host keys, and runs commands through {@code SystemShell} over exec channels:
 * output, exit status, 1 MiB through stdin and back. {@link MinaClientMatrixToKeywayServerTest}
 * runs the algorithm matrix.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MinaClientToKeywayServerTest {
    private static KeywayServerForPeers server;
    private SshClient mina;

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

    private ClientSession login(String password) throws Exception {
        mina = MinaClientForPeers.client(server);
        return MinaClientForPeers.login(mina, server, session -> session.addPasswordIdentity(password));
    }

    @Test
    void passwordLoginExecAndExitStatus() throws Exception {
        try (ClientSession session = login(KeywayServerForPeers.PASSWORD)) {
            CommandResult hello = MinaClientForPeers.exec(session, "echo hello");
            assertEquals("hello\n", hello.out());
            assertEquals(0, hello.exitStatus());
            assertEquals(3, MinaClientForPeers.exec(session, "exit 3").exitStatus());
            assertTrue(session.getServerVersion().startsWith("SSH-2.0-"), session.getServerVersion());
        }
    }

    @Test
    void oneMebibyteThroughCat() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(9).nextBytes(data);
        byte[] back;
        try (ClientSession session = login(KeywayServerForPeers.PASSWORD)) {
            CommandResult r = MinaClientForPeers.exec(session, "cat", data);
            assertEquals(0, r.exitStatus());
            back = r.stdout();
        }
        assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(back));
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThrows(Exception.class, () -> login("wrong").close());
    }
}
