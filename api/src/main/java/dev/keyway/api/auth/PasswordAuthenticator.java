package dev.keyway.api.auth;

/**
 * The server's check of a password (RFC 4252 §8), implemented by the embedder.
 *
 * <p>The answer is a plain yes or no: whether the user exists is never told apart from a wrong
 * password, since RFC 4252 §5.1 FAILURE carries only the methods that may continue. An
 * implementation should take about as long for an unknown user as for a known one (hash a
 * dummy password), so that timing tells no more than the reply. The password array belongs
 * to the caller, which wipes it after the call; keep no reference to it.
 */
@FunctionalInterface
public interface PasswordAuthenticator {

    /** Whether {@code password} is the password of {@code userName}. */
    boolean authenticate(String userName, char[] password);
}
