package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keyway {@link SshClient} against OpenSSH's sshd: publickey login (RFC 4252 §7), then
 * {@code exec} in a session channel (RFC 4254 §6.5) with its output and exit status (§6.10).
 */
class KeywayClientSessionToSshdTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    static Path sshdDirectory;
    private static SshdServer sshd;
    private static PublicKeyLogin login;

    @BeforeAll
    static void startSshd() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        sshd = SshdServer.start(openSsh, sshdDirectory, SshdAlgorithms.common(registry, openSsh));
        login = new PublicKeyLogin(registry, PublicKeyLogin.currentUser());
        sshd.authorize(login.authorizedKeysLine());
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void publicKeyLoginAndExec() throws Exception {
        try (SshClient client = SshClient.builder().timeout(LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(sshd.hostKey(key.keyType()).fingerprint())).build();
                ClientSession session = client.connect("127.0.0.1", sshd.port(), PublicKeyLogin.currentUser(),
                        Credentials.keyPairs(login.keyPair()))) {
            RemoteProcess echo = session.exec("echo hello");
            echo.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            echo.getInputStream().transferTo(out);
            assertEquals("hello\n", out.toString(StandardCharsets.UTF_8), "sshd's log:\n" + sshd.log());
            assertEquals(0, echo.waitFor(LIMIT));

            RemoteProcess failing = session.exec("exit 4");
            failing.getOutputStream().close();
            assertEquals(4, failing.waitFor(LIMIT));
        }
    }
}
