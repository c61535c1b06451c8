package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyway ssh} against a server that takes only keyboard-interactive (RFC 4256), as an
 * sshd with PAM does: one hidden "Password: " prompt is answered with the password from
 * {@code SSH_PASSWORD}, and a banner with a terminal escape reaches stderr defused.
 */
class KeywaySshKeyboardInteractiveTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path dir;

    @Test
    void passwordPromptIsAnsweredFromTheEnvironment() throws Exception {
        KeyPair hostKey = AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow()
                .generateKeyPair(new SecureRandom());
        try (SshServer server = SshServer.builder().hostKeys(List.of(hostKey)).banner("Hello \u001b[31mthere\n")
                .keyboardInteractiveAuthenticator((user, submethods) -> new KeyboardInteractiveDialogue() {
                    @Override
                    public Step begin() {
                        return new Step.Ask(new InteractiveRound("", "", List.of(new InteractivePrompt("Password: ", false))));
                    }

                    @Override
                    public Step respond(List<char[]> answers) {
                        return Arrays.equals(answers.get(0), PASSWORD) ? new Step.Accept() : new Step.Reject();
                    }
                })
                .execHandler(new SystemShell()).build()) {
            int port = server.start().getPort();
            Process p = KeywayCommand.start(Map.of("SSH_PASSWORD", new String(PASSWORD)), "ssh", "-p",
                    Integer.toString(port), "-o", "StrictHostKeyChecking=accept-new",
                    "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "alice@127.0.0.1", "echo in; exit 4");
            p.getOutputStream().close();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(finished, out);
            assertEquals(4, p.exitValue(), out);
            assertTrue(out.contains("in\n"), out);
            assertTrue(out.contains("Hello \\033[31mthere"), out);
            assertFalse(out.contains("\u001b"), "no escape reaches the terminal: " + out);
        }
    }
}
