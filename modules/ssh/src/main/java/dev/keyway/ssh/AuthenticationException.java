package dev.keyway.ssh;

import java.io.IOException;
import java.util.List;

/**
 * The server accepted none of the client's credentials (RFC 4252 §5.1); the client ended the
 * connection with NO_MORE_AUTH_METHODS_AVAILABLE.
 */
public final class AuthenticationException extends IOException {
    private static final long serialVersionUID = 1L;

    private final List<String> canContinue;

    public AuthenticationException(List<String> canContinue) {
        super("authentication failed; the server offers " + canContinue);
        this.canContinue = List.copyOf(canContinue);
    }

    /** The methods the server still listed. */
    public List<String> canContinue() {
        return canContinue;
    }
}
