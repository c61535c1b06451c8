package dev.keyway.fuzz;

import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.conformance.SeededRandom;
import dev.keyway.userauth.UserAuthClientConfig;
import dev.keyway.userauth.UserAuthServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one account of the user authentication targets, alice, with a password, two keys and a
 * two-round keyboard-interactive dialogue (password, then a code). The server's checks record
 * which methods they let alice through, so that a target can tell whether an authentication
 * was earned.
 */
final class Accounts {
    static final String USER = "alice";
    static final char[] PASSWORD = "correct horse".toCharArray();
    static final char[] CODE = "424242".toCharArray();
    static final KeyPair ED25519 = Fixtures.key("ssh-ed25519", 1);
    static final KeyPair ECDSA = Fixtures.key("ecdsa-sha2-nistp256", 1);
    /** The transport's session identifier, which publickey signatures cover (RFC 4252 §7). */
    static final byte[] SESSION_ID = "the session identifier H".getBytes(StandardCharsets.US_ASCII);

    /** The methods whose check let alice through. */
    final Set<String> accepted = new HashSet<>();
    /** Whether a check refused a password or an answer since the last {@link #takeRefusal()}. */
    private boolean refused;

    /**
     * A server allowing every method, where publickey then password, or keyboard-interactive
     * alone, authenticate (RFC 4252 §5.1 partial success).
     */
    UserAuthServerConfig.Builder server() {
        PasswordAuthenticator passwords = (user, password) -> record("password",
                USER.equals(user) & Arrays.equals(PASSWORD, password), true);
        PublicKeyAuthenticator keys = (user, key) -> record("publickey", USER.equals(user)
                && (key.equals(ED25519.getPublic()) || key.equals(ECDSA.getPublic())), false);
        KeyboardInteractiveAuthenticator dialogue = (user, submethods) -> new TwoRounds(user);
        return UserAuthServerConfig.builder(Fixtures.REGISTRY, SESSION_ID)
                .allowMethods("publickey", "keyboard-interactive", "password")
                .requireChain("publickey", "password")
                .requireChain("keyboard-interactive")
                .authenticator(PasswordAuthenticator.class, passwords)
                .authenticator(PublicKeyAuthenticator.class, keys)
                .authenticator(KeyboardInteractiveAuthenticator.class, dialogue)
                .banner("Authorized use only");
    }

    /** A client holding all of alice's credentials. */
    static UserAuthClientConfig.Builder client() {
        InteractivePrompter prompter = (user, round) -> Optional.of(round.prompts().stream()
                .map(p -> p.text().startsWith("Password") ? PASSWORD.clone() : CODE.clone()).toList());
        return UserAuthClientConfig.builder(Fixtures.REGISTRY, SESSION_ID, USER)
                .random(new SeededRandom(Fixtures.SEED))
                .credential(UserKeyPairs.class, UserKeyPairs.of(ED25519, ECDSA))
                .credential(PasswordSource.class, PasswordSource.once(PASSWORD))
                .credential(InteractivePrompter.class, prompter);
    }

    /** Whether a secret was refused since the last call; clears the mark. */
    boolean takeRefusal() {
        boolean was = refused;
        refused = false;
        return was;
    }

    private boolean record(String method, boolean ok, boolean secret) {
        if (ok) {
            accepted.add(method);
        } else if (secret) {
            refused = true;
        }
        return ok;
    }

    /** Two rounds: the password without echo, then a one-time code with echo (RFC 4256 §3.2). */
    private final class TwoRounds implements KeyboardInteractiveDialogue {
        private final String user;
        private int round;
        private boolean passwordOk;

        TwoRounds(String user) {
            this.user = user;
        }

        @Override
        public Step begin() {
            return ask("Password: ", false);
        }

        @Override
        public Step respond(List<char[]> answers) {
            boolean right = answers.size() == 1 && Arrays.equals(round == 0 ? PASSWORD : CODE, answers.get(0));
            if (round++ == 0) {
                passwordOk = USER.equals(user) && right;
                return ask("Code: ", true);
            }
            return record("keyboard-interactive", passwordOk && right, true) ? new Step.Accept() : new Step.Reject();
        }

        private Step ask(String prompt, boolean echo) {
            return new Step.Ask(new InteractiveRound("Login", "", List.of(new InteractivePrompt(prompt, echo))));
        }
    }
}
