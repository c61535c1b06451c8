package dev.keyway.api.auth;

import java.util.List;

/**
 * The server side of keyboard-interactive authentication (RFC 4256 §3.1), implemented by the
 * embedder: each request starts a dialogue of one or more rounds of prompts.
 *
 * <p>For a user that does not exist, return a dialogue that asks the usual questions and then
 * rejects, so the client cannot tell (RFC 4252 §5.1 FAILURE says nothing about why).
 */
@FunctionalInterface
public interface KeyboardInteractiveAuthenticator {

    /**
     * Starts a dialogue with a user.
     *
     * @param submethods the submethods the client asked for (RFC 4256 §3.1), often empty; a
     *     hint the dialogue may ignore
     */
    KeyboardInteractiveDialogue start(String userName, List<String> submethods);
}
