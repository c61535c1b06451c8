package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keyway {@link SshClient} against OpenSSH's sshd: publickey login (RFC 4252 §7), then
 * {@code exec} in a session channel (RFC 4254 §6.5) with its output and exit status (§6.10),
 * also on a terminal (§6.2) that is resized while the command runs (§6.7).
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

    /** A client that trusts the host keys of this sshd only. */
    private static SshClient newClient() {
        return SshClient.builder().timeout(LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(sshd.hostKey(key.keyType()).fingerprint())).build();
    }

    private static ClientSession logIn(SshClient client) throws IOException {
        return client.connect("127.0.0.1", sshd.port(), PublicKeyLogin.currentUser(),
                Credentials.keyPairs(login.keyPair()));
    }

    @Test
    void publicKeyLoginAndExec() throws Exception {
        try (SshClient client = newClient(); ClientSession session = logIn(client)) {
            RemoteProcess echo = session.exec("echo hello");
            echo.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            echo.getInputStream().transferTo(out);
            assertEquals("hello\n", out.toString(StandardCharsets.UTF_8), "sshd's log:\n" + sshd.log());
            assertEquals(0, echo.waitFor(LIMIT));

            RemoteProcess failing = session.exec("exit 4");
            failing.getOutputStream().close();
            assertEquals(4, failing.waitFor(LIMIT));
            assertEquals(Optional.empty(), failing.exitSignal());

            // A shell killed by a signal: sshd sends exit-signal, not exit-status (RFC 4254 §6.10).
            RemoteProcess killed = session.exec("kill -9 $$");
            killed.getOutputStream().close();
            assertEquals(-1, killed.waitFor(LIMIT), "no exit-status");
            assertEquals("KILL", killed.exitSignal().map(ChannelRequest.ExitSignal::signal).orElse("none"),
                    "sshd's log:\n" + sshd.log());
        }
    }

    /**
     * sshd takes Keyway's {@code pty-req} (RFC 4254 §6.2, with the §8 modes ending in
     * TTY_OP_END) and runs the command on a terminal of that type and size, then takes a
     * {@code window-change} (§6.7) while it runs.
     */
    @Test
    void aCommandOnATerminalOfTheRequestedSizeThenResized() throws Exception {
        try (SshClient client = newClient(); ClientSession session = logIn(client)) {
            RemoteProcess p = session.exec("stty size; read resized; stty size; tty; echo \"term=$TERM\"; exit 3",
                    Terminal.of("xterm-256color", 100, 40));
            assertTrue(p.hasTerminal(), "sshd's log:\n" + sshd.log());
            byte[] first = "40 100\r\n".getBytes(StandardCharsets.US_ASCII);
            assertEquals(new String(first, StandardCharsets.US_ASCII),
                    new String(p.getInputStream().readNBytes(first.length), StandardCharsets.US_ASCII));
            p.resizeTerminal(120, 50);
            // The window-change is sent before this line; sshd handles a channel's messages in order.
            p.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            String rest = out.toString(StandardCharsets.UTF_8);
            assertEquals(3, p.waitFor(LIMIT), rest);
            assertTrue(rest.contains("50 120\r\n"), rest);
            assertTrue(Pattern.compile("/dev/pts/\\d+\r\n").matcher(rest).find(), rest);
            assertTrue(rest.contains("term=xterm-256color\r\n"), rest);
        }
    }

    /** The client's env requests (RFC 4254 §6.4): sshd sets what its AcceptEnv lists and drops the rest. */
    @Test
    void environmentAsSshdAcceptsIt() throws Exception {
        try (SshClient client = SshClient.builder().timeout(LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(sshd.hostKey(key.keyType()).fingerprint()))
                .environment("LC_KEYWAY", "from-keyway").environment("KEYWAY_REFUSED", "x").build();
                ClientSession session = logIn(client)) {
            RemoteProcess echo = session.exec("echo \"$LC_KEYWAY/$KEYWAY_REFUSED\"");
            echo.getOutputStream().close();
            assertEquals("from-keyway/\n", new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    "sshd's log:\n" + sshd.log());
            assertEquals(0, echo.waitFor(LIMIT));
        }
    }

    /**
     * A subsystem request (RFC 4254 §6.5) reaches sshd's own SFTP server: it answers
     * SSH_FXP_INIT with SSH_FXP_VERSION 3 and a REALPATH with a NAME (draft-ietf-secsh-filexfer-02
     * §4, §6.10), then ends with exit status 0 on EOF. A subsystem sshd lacks is refused.
     */
    @Test
    void sftpSubsystemAnswersAndUnknownSubsystemsAreRefused() throws Exception {
        try (SshClient client = newClient(); ClientSession session = logIn(client)) {
            RemoteProcess sftp = session.subsystem("sftp");
            DataOutputStream requests = new DataOutputStream(sftp.getOutputStream());
            DataInputStream replies = new DataInputStream(sftp.getInputStream());
            requests.writeInt(5);
            requests.writeByte(1); // SSH_FXP_INIT
            requests.writeInt(3);
            requests.flush();
            int length = replies.readInt();
            assertEquals(2, replies.readByte(), "SSH_FXP_VERSION; sshd's log:\n" + sshd.log());
            assertEquals(3, replies.readInt());
            replies.skipNBytes(length - 5); // extensions
            byte[] dot = ".".getBytes(StandardCharsets.UTF_8);
            requests.writeInt(1 + 4 + 4 + dot.length);
            requests.writeByte(16); // SSH_FXP_REALPATH
            requests.writeInt(42);
            requests.writeInt(dot.length);
            requests.write(dot);
            requests.flush();
            length = replies.readInt();
            assertEquals(104, replies.readByte(), "SSH_FXP_NAME");
            assertEquals(42, replies.readInt(), "the request id comes back");
            assertEquals(1, replies.readInt(), "one name");
            replies.skipNBytes(length - 9);
            requests.close();
            assertEquals(0, sftp.waitFor(LIMIT));

            IOException refused = assertThrows(IOException.class, () -> session.subsystem("no-such-subsystem"));
            assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        }
    }
}
