package dev.keyway.api.auth;

import java.util.List;
import java.util.Objects;

/**
 * One keyboard-interactive dialogue (RFC 4256 §3): the server asks rounds of questions and
 * decides after each round's answers whether to accept, reject or ask again. Not
 * thread-safe; one per request.
 */
public interface KeyboardInteractiveDialogue {

    /** The first step, decided before any answer (usually the first round of prompts). */
    Step begin();

    /**
     * The answers to the last round, one per prompt in order (RFC 4256 §3.4). The arrays
     * belong to the caller, which wipes them after the call.
     */
    Step respond(List<char[]> responses);

    /** What the server does next. */
    sealed interface Step {
        /** Send this round as SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 §3.2) and wait. */
        record Ask(InteractiveRound round) implements Step {
            public Ask {
                Objects.requireNonNull(round, "round");
            }
        }

        /** The user is authenticated (RFC 4256 §3.4, the server sends SUCCESS). */
        record Accept() implements Step {
        }

        /** The attempt failed (RFC 4256 §3.4, the server sends FAILURE). */
        record Reject() implements Step {
        }
    }
}
