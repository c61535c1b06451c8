package dev.keyway.api.auth;

import java.util.List;
import java.util.Optional;

/**
 * Answers keyboard-interactive rounds on the client (RFC 4256 §3.3): shows the round's name,
 * instruction and prompts to the user (echoing only where a prompt allows) and returns one
 * answer per prompt. The arrays are wiped by the caller once encoded.
 */
@FunctionalInterface
public interface InteractivePrompter {

    /**
     * The answers to one round, one per prompt in order, or empty when the user cancels; the
     * client then gives up this method and tries the next one.
     */
    Optional<List<char[]>> answer(String userName, InteractiveRound round);
}
