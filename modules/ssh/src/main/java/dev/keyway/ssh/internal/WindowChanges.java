package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import java.util.Optional;

/**
 * The terminal sizes a client reports with {@code window-change} (RFC 4254 §6.7), from the
 * loop's thread to a handler's thread that waits for them. Only the latest is kept: a resize
 * is for a human-sized window, and a stale one is worth nothing once a newer came.
 */
final class WindowChanges {
    private ChannelRequest.WindowChange latest;
    private boolean ended;

    /** Loop thread: never blocks. */
    synchronized void offer(ChannelRequest.WindowChange size) {
        latest = size;
        notifyAll();
    }

    /** The channel is over: wake the waiter for good. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The latest size not yet taken, waiting for one; empty once the channel is over. */
    synchronized Optional<ChannelRequest.WindowChange> next() throws InterruptedException {
        while (latest == null && !ended) {
            wait();
        }
        if (ended) {
            return Optional.empty();
        }
        ChannelRequest.WindowChange size = latest;
        latest = null;
        return Optional.of(size);
    }
}
