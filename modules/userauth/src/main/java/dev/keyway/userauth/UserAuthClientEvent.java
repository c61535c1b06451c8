package dev.keyway.userauth;

import java.util.List;

/** What the client engine reports to its owner (RFC 4252 §5). */
public sealed interface UserAuthClientEvent {

    /**
     * SSH_MSG_USERAUTH_BANNER (RFC 4252 §5.4): text to show the user before the login. It
     * comes from the server unfiltered; strip terminal control characters before showing it.
     */
    record Banner(String message, String language) implements UserAuthClientEvent {
    }

    /** The client sends a request of this method. */
    record Attempting(String method) implements UserAuthClientEvent {
    }

    /**
     * A method succeeded but the server requires more (RFC 4252 §5.1 partial success).
     *
     * @param canContinue the methods the server lists next
     */
    record PartialSuccess(List<String> canContinue) implements UserAuthClientEvent {
        public PartialSuccess {
            canContinue = List.copyOf(canContinue);
        }
    }

    /** SSH_MSG_USERAUTH_SUCCESS: the service has started (RFC 4252 §5.1). */
    record Succeeded() implements UserAuthClientEvent {
    }

    /**
     * The client has nothing more to try.
     *
     * @param canContinue the methods the server still lists, for a message to the user
     */
    record Failed(List<String> canContinue) implements UserAuthClientEvent {
        public Failed {
            canContinue = List.copyOf(canContinue);
        }
    }
}
