package dev.keyway.keys;

import dev.keyway.transport.ServerHostKey;

/**
 * Asks the user about a host key known_hosts knows nothing of, as ssh(1) does under
 * StrictHostKeyChecking=ask ("Are you sure you want to continue connecting?"). It is asked only
 * for unknown keys: a changed or revoked key is refused without asking.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /** The user's choice. */
    enum Answer {
        /** Refuse the key. */
        REJECT,
        /** Trust it for this verifier's lifetime, without recording it. */
        ACCEPT_ONCE,
        /** Trust it and append it to known_hosts. */
        ACCEPT_AND_REMEMBER
    }

    /**
     * Whether to trust {@code key}, offered by {@code host}; {@link ServerHostKey#fingerprint()}
     * is what to show. An exception counts as {@link Answer#REJECT}.
     */
    Answer ask(HostAddress host, ServerHostKey key);
}
