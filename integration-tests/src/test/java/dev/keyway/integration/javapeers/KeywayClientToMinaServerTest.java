package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Keyway {@link SshClient} logs in with a password to an Apache MINA SSHD server whose host
 * key it checks by its SHA-256 fingerprint as MINA computes it, and runs commands of an in-JVM
 * command factory: output, exit status and 1 MiB through stdin and back.
 * {@link KeywayClientMatrixToMinaServerTest} runs the algorithm matrix.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeywayClientToMinaServerTest {
    private static MinaServerForPeers mina;

    @BeforeAll
    static void start() throws Exception {
        mina = MinaServerForPeers.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (mina != null) {
            mina.close();
        }
    }

    private static SshClient client() {
        return SshClient.builder().timeout(KeywayExec.LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(mina.hostKeyFingerprint(key.keyType()))).build();
    }

    private static ClientSession login(SshClient client) throws IOException {
        return client.connect("127.0.0.1", mina.port(), MinaServerForPeers.USER,
                Credentials.password(MinaServerForPeers.PASSWORD.toCharArray()));
    }

    @Test
    void passwordLoginExecAndExitStatus() throws Exception {
        try (SshClient client = client(); ClientSession session = login(client)) {
            CommandResult hello = KeywayExec.run(session, "echo hello", new byte[0]);
            assertEquals("echo hello\n", new String(hello.stdout(), StandardCharsets.UTF_8));
            assertEquals(0, hello.exitStatus());
            assertEquals(5, KeywayExec.run(session, "exit 5", new byte[0]).exitStatus());
        }
    }

    @Test
    void oneMebibyteThroughCat() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(5).nextBytes(data);
        try (SshClient client = client(); ClientSession session = login(client)) {
            CommandResult r = KeywayExec.run(session, "cat", data);
            assertEquals(0, r.exitStatus());
            assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(r.stdout()));
        }
    }

    @Test
    void anotherHostKeyFingerprintIsRefused() throws Exception {
        try (SshClient client = SshClient.builder().timeout(KeywayExec.LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).build()) {
            assertThrows(IOException.class, () -> login(client).close());
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        try (SshClient client = client()) {
            assertThrows(IOException.class, () -> client.connect("127.0.0.1", mina.port(), MinaServerForPeers.USER,
                    Credentials.password("wrong".toCharArray())).close());
        }
    }
}
