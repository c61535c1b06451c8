package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.integration.KeywayCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the issue asks of a newcomer's first try: {@code keyway server} started as a program
 * (on the module path, from the built jars) serves {@code ssh -p PORT user@127.0.0.1 'echo hello'}
 * from the OpenSSH client, and {@code keyway ssh -v} against it returns the remote exit status
 * and traces the session, login and channel included, as text and as a sequence diagram; a shell
 * on a remote terminal ({@code -tt}) works too.
 */
class KeywayServerCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void openSshRunsACommandOnKeywayServer() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        Path hostKey = dir.resolve("host_ed25519");
        Path userKey = dir.resolve("id_ed25519");
        for (Path key : List.of(hostKey, userKey)) {
            assertEquals(0, BoundedProcess.run(List.of(openSsh.sshKeygen().toString(), "-q", "-t", "ed25519", "-N", "",
                    "-f", key.toString()), LIMIT).exitCode());
        }
        Path authorized = Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        Process server = keyway("server", "-p", "0", "-h", hostKey.toString(), "--authorized-keys", authorized.toString(),
                "--password", "alice:secret");
        try {
            int port = awaitPort(server);
            BoundedProcess.Result ssh = BoundedProcess.run(List.of(openSsh.ssh().toString(), "-F", "/dev/null",
                    "-p", String.valueOf(port), "-i", userKey.toString(), "-o", "IdentitiesOnly=yes",
                    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
                    "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                    "anyone@127.0.0.1", "echo hello; exit 7"), LIMIT);
            assertEquals(7, ssh.exitCode(), ssh.output());
            assertTrue(ssh.output().contains("hello"), ssh.output());

            Path svg = dir.resolve("session.svg");
            Process client = keyway("ssh", "-v", "--diagram", svg.toString(), "-p", String.valueOf(port),
                    "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts_keyway"),
                    "alice@127.0.0.1", "echo hi; exit 5");
            client.getOutputStream().close();
            assertTrue(client.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "keyway ssh finished");
            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(5, client.exitValue(), out);
            assertTrue(out.contains("hi\n"), out);
            assertInOrder(out, "SSH_MSG_KEXINIT", "SSH_MSG_KEX_ECDH_REPLY", "SHA256:", "SSH_MSG_NEWKEYS",
                    "SSH_MSG_SERVICE_ACCEPT", "method password, password (not shown)", "SSH_MSG_USERAUTH_SUCCESS",
                    "\"exec\" \"echo hi; exit 5\"", "SSH_MSG_CHANNEL_DATA channel 0, 3 bytes: \"hi\\n\"",
                    "\"exit-status\" 5", "SSH_MSG_DISCONNECT");
            assertTrue(!out.contains("secret"), "the password never shows:\n" + out);
            String drawn = Files.readString(svg, StandardCharsets.UTF_8);
            assertTrue(drawn.contains("<svg") && drawn.contains("SSH_MSG_USERAUTH_SUCCESS"), "the diagram shows the login");

            assertTrue(out.contains("hi"), out);

            // -tt: a shell on a remote terminal even though stdin is a pipe, as ssh -tt does.
            Process shell = keyway("ssh", "-tt", "-p", String.valueOf(port), "-o", "StrictHostKeyChecking=accept-new",
                    "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts_keyway"), "alice@127.0.0.1");
            try {
                try (var typed = shell.getOutputStream()) {
                    typed.write("tty; exit 3\n".getBytes(StandardCharsets.UTF_8));
                }
                assertTrue(shell.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "keyway ssh -tt finished");
                String shown = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(3, shell.exitValue(), shown);
                assertTrue(Pattern.compile("/dev/pts/\\d+\r\n").matcher(shown).find(), shown);
            } finally {
                BoundedProcess.stop(shell);
            }
        } finally {
            BoundedProcess.stop(server);
        }
    }

    private static void assertInOrder(String text, String... steps) {
        int at = 0;
        for (String step : steps) {
            int found = text.indexOf(step, at);
            assertTrue(found >= 0, "'" + step + "' missing or out of order in:\n" + text);
            at = found;
        }
    }

    private static Process keyway(String... args) throws Exception {
        return KeywayCommand.start(Map.of("SSH_PASSWORD", "secret"), args);
    }

    /** Reads the server's output until it says where it listens; bounded. */
    private static int awaitPort(Process server) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (java.io.IOException ignored) {
                // The server was stopped.
            }
            port.completeExceptionally(new AssertionError("keyway server ended: " + seen));
        }, "keyway-server-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
}
