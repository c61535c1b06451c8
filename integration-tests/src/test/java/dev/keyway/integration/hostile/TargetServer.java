package dev.keyway.integration.hostile;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.net.StartupLimits;
import dev.keyway.ssh.CommandContext;
import dev.keyway.ssh.SourcePenalties;
import dev.keyway.ssh.SshServer;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The server under attack: a Keyway {@link SshServer} with its defaults (strict KEX, 2 MiB
 * channel windows of 32 KiB packets, MaxSessions 10, MaxAuthTries 6, LANG and LC_* accepted
 * by {@code env}) but for what lets hundreds of short sessions from one address run fast:
 * no failure delay, no per-source penalties, no MaxStartups shedding. One user may log in with
 * a password alone, or with a key and then keyboard-interactive (a chain, RFC 4252 §5.1).
 * Its {@code exec} handler knows three commands: {@code true}; {@code wait}, which reads until
 * EOF; and {@code bytes N}, which writes N bytes at once.
 */
final class TargetServer {
    static final String USER = "alice";
    static final String PASSWORD = "secret";
    static final int MAX_AUTH_TRIES = 6;
    static final int MAX_SESSIONS = 10;
    static final int ENV_LIMIT = 256;
    static final KeyPair USER_KEY = ed25519();

    private TargetServer() {
    }

    static KeyPair ed25519() {
        return AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    }

    static SshServer build(AlgorithmRegistry registry) {
        byte[] userBlob = PublicKeyBlob.encode(USER_KEY.getPublic());
        return SshServer.builder().registry(registry).hostKeys(List.of(ed25519()))
                .passwordAuthenticator((user, password) -> USER.equals(user)
                        && Arrays.equals(password, PASSWORD.toCharArray()))
                .publicKeyAuthenticator((user, key) -> USER.equals(user)
                        && Arrays.equals(PublicKeyBlob.encode(key), userBlob))
                .keyboardInteractiveAuthenticator((user, submethods) -> new PasswordDialogue(user))
                .authenticationMethods("password")
                .authenticationMethods("publickey", "keyboard-interactive")
                .maxAuthTries(MAX_AUTH_TRIES).maxSessions(MAX_SESSIONS)
                .failureDelay(Duration.ZERO)
                .perSourcePenalties(SourcePenalties.none())
                .maxStartups(new StartupLimits(1000, 100, 1000, Integer.MAX_VALUE))
                .execHandler(TargetServer::run)
                .build();
    }

    private static int run(CommandContext context) throws Exception {
        String command = context.command();
        if (command.startsWith("bytes ")) {
            context.stdout().write(new byte[Integer.parseInt(command.substring(6))]);
            context.stdout().flush();
        } else if (command.equals("wait")) {
            context.stdin().transferTo(OutputStream.nullOutputStream());
        }
        return 0;
    }

    /** One round, one prompt: the user's password. */
    private static final class PasswordDialogue implements KeyboardInteractiveDialogue {
        private final String user;

        PasswordDialogue(String user) {
            this.user = user;
        }

        @Override
        public Step begin() {
            return new Step.Ask(new InteractiveRound("", "", List.of(new InteractivePrompt("Password: ", false))));
        }

        @Override
        public Step respond(List<char[]> responses) {
            return USER.equals(user) && Arrays.equals(responses.get(0), PASSWORD.toCharArray())
                    ? new Step.Accept() : new Step.Reject();
        }
    }
}
