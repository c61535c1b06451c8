package dev.keyway.ssh;

import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.UserKeyPairs;
import java.security.KeyPair;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client may log in with (RFC 4252): key pairs for {@code publickey}, a password source
 * for {@code password}, a prompter for {@code keyboard-interactive} (RFC 4256). The client
 * tries them in OpenSSH's order, each only if the server lists its method. Immutable.
 */
public final class Credentials {
    private final UserKeyPairs keyPairs;
    private final PasswordSource passwords;
    private final InteractivePrompter prompter;

    private Credentials(UserKeyPairs keyPairs, PasswordSource passwords, InteractivePrompter prompter) {
        this.keyPairs = keyPairs;
        this.passwords = passwords;
        this.prompter = prompter;
    }

    /** No credentials yet; add some with the {@code with…} methods. */
    public static Credentials none() {
        return new Credentials(null, null, null);
    }

    /** One password, offered once (a copy is kept until the session authenticates). */
    public static Credentials password(char[] password) {
        return none().withPasswords(PasswordSource.once(password));
    }

    /** Key pairs, offered in this order. */
    public static Credentials keyPairs(KeyPair... pairs) {
        return none().withKeyPairs(UserKeyPairs.of(pairs));
    }

    public Credentials withKeyPairs(UserKeyPairs pairs) {
        return new Credentials(Objects.requireNonNull(pairs), passwords, prompter);
    }

    public Credentials withPasswords(PasswordSource source) {
        return new Credentials(keyPairs, Objects.requireNonNull(source), prompter);
    }

    public Credentials withPrompter(InteractivePrompter interactive) {
        return new Credentials(keyPairs, passwords, Objects.requireNonNull(interactive));
    }

    public Optional<UserKeyPairs> keyPairs() {
        return Optional.ofNullable(keyPairs);
    }

    public Optional<PasswordSource> passwords() {
        return Optional.ofNullable(passwords);
    }

    public Optional<InteractivePrompter> prompter() {
        return Optional.ofNullable(prompter);
    }

    @Override
    public String toString() {
        // Never the secrets themselves.
        return "Credentials[keyPairs=" + (keyPairs != null) + ", password=" + (passwords != null)
                + ", keyboard-interactive=" + (prompter != null) + "]";
    }
}
