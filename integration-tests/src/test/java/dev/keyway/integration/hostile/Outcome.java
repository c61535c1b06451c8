package dev.keyway.integration.hostile;

import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;

/**
 * What the server must do with a crafted input: end the connection with SSH_MSG_DISCONNECT and
 * a reason code (RFC 4253 §11.1), answer it (mostly a refusal), or take it without a word; in
 * the last two cases the session must still work, which the stage's follow-up exchange
 * ({@link Stage#probe}) shows.
 *
 * @param description the server's reaction as the catalogue lists it
 * @param healthy whether the session is still usable afterwards
 * @param check reads the server's reactions and fails unless they are this outcome
 */
record Outcome(String description, boolean healthy, Check check) {

    /** Reads what the server does after the attack. */
    @FunctionalInterface
    interface Check {
        void verify(HostilePeer peer, Stage stage) throws IOException;
    }

    void verify(HostilePeer peer, Stage stage) throws IOException {
        check.verify(peer, stage);
    }

    /** SSH_MSG_DISCONNECT with the reason, then the server closes the connection. */
    static Outcome disconnect(DisconnectReason reason) {
        String description = "DISCONNECT " + reason;
        return new Outcome(description, false, (peer, stage) -> {
            TransportEvent e = peer.next();
            if (!(e instanceof TransportEvent.Disconnected d && d.byPeer() && d.reason() == reason)) {
                throw new AssertionError("expected " + description + ", got " + peer.describe(e));
            }
            peer.awaitEnd();
        });
    }

    /** The reply, then the session goes on. */
    static Outcome replied(Reply reply) {
        return repliedEach(1, reply);
    }

    /** The same reply to each of {@code times} inputs sent back to back, then the session goes on. */
    static Outcome repliedEach(int times, Reply reply) {
        return new Outcome(times == 1 ? reply.description() : reply.description() + " to each", true, (peer, stage) -> {
            for (int i = 0; i < times; i++) {
                reply.verify(peer.next(), peer);
            }
            stage.probe(peer);
        });
    }

    /** No reaction at all: the next thing the server says answers the follow-up. */
    static Outcome unanswered() {
        return new Outcome("nothing", true, (peer, stage) -> stage.probe(peer));
    }

    /** The server closes the connection without a word: the peer said goodbye itself (RFC 4253 §11.1). */
    static Outcome hungUp() {
        return new Outcome("closes the connection", false, (peer, stage) -> {
            TransportEvent e = peer.next();
            if (e != null) {
                throw new AssertionError("expected the server to close without a word, got " + peer.describe(e));
            }
        });
    }
}
