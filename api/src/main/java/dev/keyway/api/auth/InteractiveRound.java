package dev.keyway.api.auth;

import java.util.List;
import java.util.Objects;

/**
 * One SSH_MSG_USERAUTH_INFO_REQUEST of keyboard-interactive authentication (RFC 4256 §3.2):
 * a name and an instruction to show, and zero or more prompts. A round without prompts is
 * allowed; the client still answers it, with no responses (RFC 4256 §3.4).
 *
 * @param name a title for the round, may be empty
 * @param instruction text to show before the prompts, may be empty
 * @param prompts the questions, in order
 */
public record InteractiveRound(String name, String instruction, List<InteractivePrompt> prompts) {
    public InteractiveRound {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instruction, "instruction");
        prompts = List.copyOf(prompts);
    }
}
