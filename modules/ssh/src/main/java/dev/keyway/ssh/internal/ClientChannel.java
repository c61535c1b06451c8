package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A session channel the client opened: the futures a blocking caller waits on (the open, the
 * replies to its requests in order, RFC 4254 §5.4, and the end with the exit status) and the
 * bridge for its streams. The futures are completed on the loop's thread.
 */
final class ClientChannel {
    private final ChannelBridge bridge;
    private final CompletableFuture<ClientChannel> opened = new CompletableFuture<>();
    private final ArrayDeque<CompletableFuture<Boolean>> replies = new ArrayDeque<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private int exitStatus = -1;
    private volatile ChannelRequest.ExitSignal exitSignal;

    ClientChannel(ChannelBridge bridge) {
        this.bridge = bridge;
    }

    ChannelBridge bridge() {
        return bridge;
    }

    CompletableFuture<ClientChannel> opened() {
        return opened;
    }

    /** Completes with the exit status (or -1) once both sides closed the channel. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    /** The {@code exit-signal} the server sent (RFC 4254 §6.10), if any. */
    Optional<ChannelRequest.ExitSignal> exitSignal() {
        return Optional.ofNullable(exitSignal);
    }

    // ---- loop thread -------------------------------------------------------------------

    void onOpened() {
        opened.complete(this);
    }

    /** Registers the future for the reply to a request about to be sent with want-reply. */
    void expectReply(CompletableFuture<Boolean> reply) {
        replies.add(reply);
    }

    void onReply(boolean success) {
        CompletableFuture<Boolean> r = replies.poll();
        if (r != null) {
            r.complete(success);
        }
    }

    void onRequest(ChannelRequest request) {
        if (request instanceof ChannelRequest.ExitStatus s) {
            exitStatus = s.status();
        } else if (request instanceof ChannelRequest.ExitSignal s) {
            exitSignal = s;
        }
    }

    void onEnded(String why) {
        bridge.onEnded(why);
        IOException e = new IOException(why);
        opened.completeExceptionally(e);
        replies.forEach(r -> r.completeExceptionally(e));
        replies.clear();
        closed.complete(exitStatus);
    }
}
