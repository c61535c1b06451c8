package dev.keyway.cli;

import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.keys.SecretFile;
import dev.keyway.ssh.Credentials;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code keyway ssh} logs in with, found as ssh(1) finds it: the keys of {@code -i}, else
 * {@code ~/.ssh/id_ed25519}, {@code id_ecdsa} and {@code id_rsa} (asking the terminal for a
 * passphrase), for publickey; for password and keyboard-interactive, the password of
 * {@code --password-file} (its first line; a file others can read is refused, see
 * {@link SecretFile}) or {@code SSH_PASSWORD}, else the terminal. Whatever the server says in
 * a keyboard-interactive round is shown through {@link TerminalText} (RFC 4256 §3.3).
 */
final class LoginCredentials {
    /** ssh's NumberOfPasswordPrompts, and its bound on a key's passphrase prompts. */
    private static final int PROMPTS = 3;
    /** Keyboard-interactive rounds answered on the terminal before giving up the method. */
    private static final int ROUNDS = 6;

    private final Credentials keys;
    /** The password given without a terminal; null when the terminal is to be asked. */
    private final char[] given;

    private LoginCredentials(Credentials keys, char[] given) {
        this.keys = keys;
        this.given = given;
    }

    /**
     * Reads the keys and the given password.
     *
     * @throws IOException when the password file cannot be read or others may read or change it
     */
    static LoginCredentials read(List<Path> identities, Path passwordFile) throws IOException {
        char[] given = passwordFile != null ? firstLine(SecretFile.read(passwordFile))
                : Optional.ofNullable(System.getenv("SSH_PASSWORD")).map(String::toCharArray).orElse(null);
        List<Path> files = new ArrayList<>(identities);
        if (files.isEmpty()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                if (Files.isReadable(ssh.resolve(name))) {
                    files.add(ssh.resolve(name));
                }
            }
        }
        List<KeyPair> pairs = new ArrayList<>();
        for (Path file : files) {
            readKey(file).ifPresent(pairs::add);
        }
        return new LoginCredentials(Credentials.keyPairs(pairs.toArray(KeyPair[]::new)), given);
    }

    /** Key pairs only: signatures bound to the session, nothing a man in the middle could reuse. */
    Credentials keys() {
        return keys;
    }

    /** The key pairs, then passwords and keyboard-interactive answers. */
    Credentials all() {
        return keys.withPasswords(passwords()).withPrompter(prompter());
    }

    /** Wipes the given password, once the login is over. */
    void forget() {
        if (given != null) {
            Arrays.fill(given, '\0');
        }
    }

    private static char[] firstLine(char[] text) {
        int end = 0;
        while (end < text.length && text[end] != '\n' && text[end] != '\r') {
            end++;
        }
        char[] line = Arrays.copyOf(text, end);
        Arrays.fill(text, '\0');
        return line;
    }

    /**
     * A key file, asking the terminal for its passphrase if it is encrypted, up to three
     * times as ssh does; a key that cannot be read is skipped with a warning, and the login
     * goes on with the other credentials.
     */
    private static Optional<KeyPair> readKey(Path file) throws IOException {
        try {
            return Optional.of(PrivateKeyFile.read(file));
        } catch (KeyFileException e) {
            if (e.reason() != KeyFileException.Reason.PASSPHRASE_REQUIRED) {
                System.err.println("keyway: cannot use " + file + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        Console console = System.console();
        for (int attempt = 1; console != null && attempt <= PROMPTS; attempt++) {
            char[] passphrase = console.readPassword("Enter passphrase for key '%s': ", file);
            if (passphrase == null || passphrase.length == 0) {
                break;
            }
            try {
                return Optional.of(PrivateKeyFile.read(file, passphrase));
            } catch (KeyFileException e) {
                System.err.println("keyway: " + e.getMessage());
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        System.err.println("keyway: skipping " + file + ": it is encrypted and no passphrase was given");
        return Optional.empty();
    }

    /** The given password once, or the terminal asked once per attempt. */
    private PasswordSource passwords() {
        return (user, attempt) -> {
            if (given != null) {
                return attempt == 1 ? Optional.of(given.clone()) : Optional.empty();
            }
            Console console = System.console();
            return console == null || attempt > PROMPTS ? Optional.empty()
                    : Optional.ofNullable(console.readPassword("%s's password: ", user));
        };
    }

    /**
     * Answers keyboard-interactive rounds (RFC 4256 §3.3). The round's name and instruction go
     * to stderr, as ssh logs them. A first round that asks one hidden question, as a PAM
     * password prompt does, gets the given password; otherwise the terminal shows each prompt
     * and reads its answer, hidden unless the prompt allows echo.
     */
    private InteractivePrompter prompter() {
        AtomicInteger rounds = new AtomicInteger();
        return (user, round) -> {
            int n = rounds.incrementAndGet();
            for (String text : List.of(round.name(), round.instruction())) {
                if (!text.isEmpty()) {
                    System.err.println(TerminalText.lines(text));
                }
            }
            if (given != null) {
                boolean oneHidden = round.prompts().size() == 1 && !round.prompts().get(0).echo();
                return n == 1 && oneHidden ? Optional.of(List.of(given.clone())) : Optional.empty();
            }
            Console console = System.console();
            if (console == null || n > ROUNDS) {
                return Optional.empty();
            }
            List<char[]> answers = new ArrayList<>();
            for (InteractivePrompt prompt : round.prompts()) {
                String text = TerminalText.lines(prompt.text());
                char[] answer = prompt.echo() ? Optional.ofNullable(console.readLine("%s", text)).map(String::toCharArray)
                        .orElse(null) : console.readPassword("%s", text);
                if (answer == null) {
                    answers.forEach(a -> Arrays.fill(a, '\0'));
                    return Optional.empty();
                }
                answers.add(answer);
            }
            return Optional.of(answers);
        };
    }
}
