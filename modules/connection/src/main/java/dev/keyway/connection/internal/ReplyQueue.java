package dev.keyway.connection.internal;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The peer's requests that want a reply, oldest first. RFC 4254 §4 and §5.4 pair replies with
 * requests by order alone, so a reply the engine decides at once (a refusal) waits behind an
 * earlier one the owner has not answered yet.
 */
final class ReplyQueue {
    /** null: the owner has not answered yet. */
    private final ArrayDeque<Boolean[]> replies = new ArrayDeque<>();

    /** Requests whose replies have not gone out yet. */
    int size() {
        return replies.size();
    }

    void addUndecided() {
        replies.add(new Boolean[1]);
    }

    void addDecided(boolean success) {
        replies.add(new Boolean[] {success});
    }

    /** The owner answers the oldest request it has not answered. */
    void decide(boolean success) {
        for (Boolean[] r : replies) {
            if (r[0] == null) {
                r[0] = success;
                return;
            }
        }
        throw new IllegalStateException("no request is waiting for a reply");
    }

    /** Hands out the replies that may go now: the decided ones at the head. */
    void drain(Consumer<Boolean> send) {
        while (!replies.isEmpty() && replies.peek()[0] != null) {
            send.accept(replies.poll()[0]);
        }
    }
}
