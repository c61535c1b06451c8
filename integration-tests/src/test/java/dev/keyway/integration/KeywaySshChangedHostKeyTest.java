package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyway ssh -o StrictHostKeyChecking=no} against a Keyway server whose host key is not
 * the one known_hosts holds for it: as ssh(1), it connects, warns loudly, and offers neither
 * the password nor keyboard-interactive answers, which a man in the middle would read; a key
 * logs in. The same server with its own key in known_hosts takes the password, so it is the
 * changed key alone that withholds it.
 */
class KeywaySshChangedHostKeyTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct horse";
    private static final String DISABLED = "Password authentication is disabled to avoid man-in-the-middle attacks.\n"
            + "Keyboard-interactive authentication is disabled to avoid man-in-the-middle attacks.";

    @TempDir
    Path dir;

    private final AtomicInteger passwordsChecked = new AtomicInteger();
    private final AtomicInteger dialoguesStarted = new AtomicInteger();

    @Test
    void aChangedKeyGetsNoPasswordButAKeyLogsIn() throws Exception {
        KeyPair hostKey = ed25519();
        KeyPair userKey = ed25519();
        byte[] userBlob = PublicKeyBlob.encode(userKey.getPublic());
        try (SshServer server = SshServer.builder().hostKeys(List.of(hostKey))
                .passwordAuthenticator((user, password) -> {
                    passwordsChecked.incrementAndGet();
                    return Arrays.equals(password, PASSWORD.toCharArray());
                })
                .keyboardInteractiveAuthenticator((user, submethods) -> {
                    dialoguesStarted.incrementAndGet();
                    return passwordDialogue();
                })
                .publicKeyAuthenticator((user, key) -> Arrays.equals(PublicKeyBlob.encode(key), userBlob))
                .execHandler(new SystemShell()).build()) {
            int port = server.start().getPort();
            Path itsKey = knownHosts("known_hosts_right", port, hostKey);
            Path anotherKey = knownHosts("known_hosts_changed", port, ed25519());
            Path identity = dir.resolve("id_ed25519");
            PrivateKeyFile.write(identity, userKey);

            Run vouched = keywaySsh(port, "yes", itsKey);
            assertEquals(0, vouched.status(), vouched.output());
            assertTrue(passwordsChecked.get() + dialoguesStarted.get() > 0, "the password logged in");
            assertFalse(vouched.output().contains("WARNING"), vouched.output());

            int checked = passwordsChecked.get();
            int started = dialoguesStarted.get();
            Run withheld = keywaySsh(port, "no", anotherKey);
            assertEquals(255, withheld.status(), withheld.output());
            assertTrue(withheld.output().contains("alice@127.0.0.1: Permission denied ("), withheld.output());
            assertTrue(withheld.output().contains("WARNING: THE HOST KEY IS NOT THE ONE KNOWN_HOSTS HOLDS!"),
                    withheld.output());
            assertTrue(withheld.output().contains(DISABLED), withheld.output());
            assertEquals(checked, passwordsChecked.get(), "no password reached the server");
            assertEquals(started, dialoguesStarted.get(), "no keyboard-interactive dialogue was started");

            Run byKey = keywaySsh(port, "no", anotherKey, "-i", identity.toString());
            assertEquals(0, byKey.status(), byKey.output());
            assertTrue(byKey.output().contains("logged in\n"), byKey.output());
            assertTrue(byKey.output().contains(DISABLED), byKey.output());
            assertEquals(1, Files.readAllLines(anotherKey).size(), "the changed key was not recorded");
        }
    }

    private record Run(int status, String output) {
    }

    /** {@code keyway ssh} with the password in SSH_PASSWORD, as a script would give it. */
    private Run keywaySsh(int port, String strictHostKeyChecking, Path knownHosts, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port),
                "-o", "StrictHostKeyChecking=" + strictHostKeyChecking, "-o", "UserKnownHostsFile=" + knownHosts));
        args.addAll(List.of(more));
        args.addAll(List.of("alice@127.0.0.1", "echo logged in"));
        Process p = KeywayCommand.start(Map.of("SSH_PASSWORD", PASSWORD), args.toArray(String[]::new));
        try {
            p.getOutputStream().close();
            assertTrue(p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "keyway ssh finished");
            return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Path knownHosts(String name, int port, KeyPair key) throws Exception {
        String blob = Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key.getPublic()));
        return Files.writeString(dir.resolve(name), "[127.0.0.1]:" + port + " ssh-ed25519 " + blob + "\n");
    }

    /** One hidden "Password: " prompt, as sshd asks through PAM. */
    private static KeyboardInteractiveDialogue passwordDialogue() {
        return new KeyboardInteractiveDialogue() {
            @Override
            public Step begin() {
                return new Step.Ask(new InteractiveRound("", "", List.of(new InteractivePrompt("Password: ", false))));
            }

            @Override
            public Step respond(List<char[]> answers) {
                return Arrays.equals(answers.get(0), PASSWORD.toCharArray()) ? new Step.Accept() : new Step.Reject();
            }
        };
    }

    private static KeyPair ed25519() {
        return AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    }
}
