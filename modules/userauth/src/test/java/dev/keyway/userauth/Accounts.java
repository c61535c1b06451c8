package dev.keyway.userauth;

import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The test server's one account, alice, and clients' credentials for it. */
final class Accounts {
    static final String USER = "alice";
    static final char[] PASSWORD = "correct horse".toCharArray();
    static final char[] CODE = "424242".toCharArray();

    static final PasswordAuthenticator PASSWORDS = (user, password) ->
            USER.equals(user) & Arrays.equals(PASSWORD, password);

    static final PublicKeyAuthenticator KEYS = (user, key) -> USER.equals(user) && authorized(key);

    /** Two rounds: the password without echo, then a one-time code with echo. */
    static final KeyboardInteractiveAuthenticator TWO_ROUNDS = (user, submethods) -> new KeyboardInteractiveDialogue() {
        private int round;
        private boolean passwordOk;

        @Override
        public Step begin() {
            return new Step.Ask(new InteractiveRound("Login", "Round one", List.of(new InteractivePrompt("Password: ", false))));
        }

        @Override
        public Step respond(List<char[]> responses) {
            if (round++ == 0) {
                passwordOk = USER.equals(user) && Arrays.equals(PASSWORD, responses.get(0));
                return new Step.Ask(new InteractiveRound("Login", "Round two", List.of(new InteractivePrompt("Code: ", true))));
            }
            return passwordOk && Arrays.equals(CODE, responses.get(0)) ? new Step.Accept() : new Step.Reject();
        }
    };

    private Accounts() {
    }

    private static boolean authorized(PublicKey key) {
        return key.equals(TestKeys.ED25519.getPublic()) || key.equals(TestKeys.ECDSA.getPublic())
                || key.equals(TestKeys.RSA.getPublic());
    }

    static PasswordSource passwords(String... tries) {
        return (user, attempt) -> attempt <= tries.length
                ? Optional.of(tries[attempt - 1].toCharArray()) : Optional.empty();
    }

    /** Answers each prompt by its text: the password, else the code. */
    static InteractivePrompter prompter(char[] password, char[] code) {
        return (user, round) -> Optional.of(round.prompts().stream()
                .map(p -> p.text().startsWith("Password") ? password.clone() : code.clone())
                .toList());
    }

    static UserAuthServerConfig.Builder everyMethod() {
        return AuthPair.server()
                .allowMethods("publickey", "keyboard-interactive", "password")
                .authenticator(PasswordAuthenticator.class, PASSWORDS)
                .authenticator(PublicKeyAuthenticator.class, KEYS)
                .authenticator(KeyboardInteractiveAuthenticator.class, TWO_ROUNDS);
    }
}
