package dev.keyway.api.auth;

import java.util.Objects;

/**
 * One prompt of a keyboard-interactive round (RFC 4256 §3.2): the text to show and whether
 * the user's answer may be echoed (false for a password or a one-time code).
 *
 * @param text the prompt, e.g. {@code "Password: "}
 * @param echo whether to show what the user types
 */
public record InteractivePrompt(String text, boolean echo) {
    public InteractivePrompt {
        Objects.requireNonNull(text, "text");
    }
}
