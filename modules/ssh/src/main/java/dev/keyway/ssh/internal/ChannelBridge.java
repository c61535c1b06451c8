package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ConnectionEngine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One channel between the loop's thread, which alone touches the {@link ConnectionEngine},
 * and the blocking streams of other threads. Inbound data waits in {@link InboundStream}s
 * until read; outbound writes wait here, in order, until both the peer's window (RFC 4254
 * §5.2) and the transport's output (its high-water mark) take them, and are retried on every
 * WINDOW_ADJUST and every time the socket drained. When the channel or the session ends, every
 * waiting thread is woken with an {@link IOException} or end of stream.
 *
 * <p>A writer does not wait for each write to be sent: a write returns once it is queued, and
 * only a writer that has {@link #WRITE_AHEAD} bytes waiting waits (a single larger write is
 * taken when nothing waits). So a writer and the loop work at the same time, and handing data
 * over costs one wake-up of the loop per batch, not one per write and a second one back. The
 * end of the channel's data (EOF, a command's exit status) waits for what was queued before it.
 * Likewise the reader's consumption reaches the loop in batches: one hand-over waits at a time.
 */
final class ChannelBridge {
    /** The data type of plain SSH_MSG_CHANNEL_DATA, as opposed to an extended type. */
    static final int PLAIN_DATA = -1;

    final int id;
    private final ConnectionEngine engine;
    private final SessionDriver driver;
    private final InboundStream data;
    private final InboundStream extended;
    /**
     * Bytes a channel holds for its writers beyond what the engine took: a writer with this much
     * queued waits. The engine's own bound is the peer's window and the transport's high-water
     * mark; this one keeps a fast writer from filling the heap when the peer is slow.
     */
    static final int WRITE_AHEAD = 256 * 1024;

    /** Loop thread only: writes in the order they came, the head partly sent. */
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    /** Writes handed over by writers and not yet moved to {@link #writes}; guarded by this. */
    private final ArrayDeque<PendingWrite> incoming = new ArrayDeque<>();
    /** Bytes queued by writers and not yet taken by the engine; guarded by this. */
    private long queued;
    /** Whether a task that moves {@link #incoming} to the loop is on its way; guarded by this. */
    private boolean takeScheduled;
    /** Why writers are refused (the channel ended, or takes no more data); guarded by this. */
    private String endReason;
    private String refusedReason;
    /** Consumed bytes not yet reported to the engine; one task at a time carries them over. */
    private final AtomicLong unreported = new AtomicLong();
    /** Loop thread only: what runs once every queued write was taken (EOF, the exit status). */
    private Runnable whenDrained;
    /** Loop thread only. */
    private boolean eofSent;

    ChannelBridge(int id, ConnectionEngine engine, SessionDriver driver) {
        this.id = id;
        this.engine = engine;
        this.driver = driver;
        this.data = new InboundStream(this::consumed);
        this.extended = new InboundStream(this::consumed);
    }

    /** Channel data for a reader (a server's stdin, a client's stdout). */
    InboundStream input() {
        return data;
    }

    /** Extended data of type 1 for a reader (a client's stderr, RFC 4254 §5.2). */
    InboundStream errorInput() {
        return extended;
    }

    OutboundStream output(int dataType, boolean eofOnClose) {
        return new OutboundStream(this, dataType, eofOnClose);
    }

    // ---- loop thread -------------------------------------------------------------------

    void onData(byte[] bytes) {
        data.offer(bytes);
    }

    void onExtendedData(byte[] bytes) {
        extended.offer(bytes);
    }

    void onEof() {
        data.end();
        extended.end();
    }

    /**
     * Sends what the peer's window and the transport's output allow; call when a write arrives,
     * on WINDOW_ADJUST and when the socket drained.
     */
    void pump() {
        long taken = 0;
        try {
            while (!writes.isEmpty()) {
                PendingWrite w = writes.peek();
                int room = (int) Math.min(w.bytes.length - w.sent, driver.outputRoom());
                if (room == 0) {
                    return; // the socket is behind: the driver calls again once it drained
                }
                int n = w.dataType == PLAIN_DATA ? engine.write(id, w.bytes, w.sent, room)
                        : engine.writeExtended(id, w.dataType, w.bytes, w.sent, room);
                w.sent += n;
                if (n < room) {
                    return; // the window is spent: WINDOW_ADJUST calls again
                }
                if (w.sent == w.bytes.length) {
                    writes.poll();
                    taken += w.bytes.length;
                }
            }
        } catch (IllegalStateException closing) {
            refuse("the channel takes no more data");
            return;
        } finally {
            if (taken > 0) {
                released(taken);
            }
        }
        runWhenDrained();
    }

    /** Moves what writers handed over to the loop's queue. */
    private void takeIncoming() {
        synchronized (this) {
            writes.addAll(incoming);
            incoming.clear();
            takeScheduled = false;
        }
    }

    /**
     * Runs {@code action} once every write queued so far was taken by the engine: at once if
     * none waits. What ends the channel's data goes through here, so it never overtakes data.
     */
    void afterQueuedWrites(Runnable action) {
        takeIncoming();
        Runnable before = whenDrained;
        whenDrained = before == null ? action : () -> {
            before.run();
            action.run();
        };
        pump();
    }

    private void runWhenDrained() {
        if (writes.isEmpty() && whenDrained != null) {
            Runnable action = whenDrained;
            whenDrained = null;
            action.run();
        }
    }

    /** EOF once (RFC 4254 §5.3), unless the channel is over. */
    void sendEofOnLoop() {
        if (!eofSent && !isEnded()) {
            eofSent = true;
            engine.sendEof(id);
        }
    }

    /** The engine took {@code n} queued bytes: writers waiting for room may go on. */
    private synchronized void released(long n) {
        if (refusal() == null) { // else the queue was emptied already
            queued -= n;
            notifyAll();
        }
    }

    /** The engine takes no more data (we sent EOF or CLOSE): what waits is dropped, writers fail. */
    private void refuse(String why) {
        writes.clear();
        whenDrained = null;
        synchronized (this) {
            refusedReason = why;
            incoming.clear();
            queued = 0;
            notifyAll();
        }
    }

    /** The channel or the whole session is over: wake every waiting thread. */
    void onEnded(String why) {
        data.end();
        extended.end();
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = why;
            incoming.clear();
            queued = 0;
            notifyAll();
        }
        writes.clear();
        whenDrained = null;
    }

    synchronized boolean isEnded() {
        return endReason != null;
    }

    // ---- any thread --------------------------------------------------------------------

    /**
     * Queues {@code bytes} (ours from now on) for the channel; waits first while
     * {@link #WRITE_AHEAD} bytes or more wait already. Fails when the channel ended or takes no
     * more data.
     */
    void write(int dataType, byte[] bytes) throws IOException {
        boolean schedule;
        synchronized (this) {
            while (refusal() == null && queued > 0 && queued + bytes.length > WRITE_AHEAD) {
                waitHere();
            }
            if (refusal() != null) {
                throw new IOException(refusal());
            }
            queued += bytes.length;
            incoming.add(new PendingWrite(dataType, bytes));
            schedule = !takeScheduled;
            takeScheduled = true;
        }
        if (schedule) {
            driver.runOnLoop(() -> {
                takeIncoming();
                if (!isEnded()) {
                    pump();
                }
            });
        }
    }

    private String refusal() {
        return endReason != null ? endReason : refusedReason;
    }

    private void waitHere() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing channel data");
        }
    }

    /** EOF (RFC 4254 §5.3) after every write queued before. */
    void sendEof() {
        driver.runOnLoop(() -> afterQueuedWrites(this::sendEofOnLoop));
    }

    /**
     * Sends a request that wants no reply, such as {@code window-change} (RFC 4254 §6.7); none
     * once the channel is closing or over.
     */
    void sendRequest(ChannelRequest request) {
        driver.runOnLoop(() -> {
            if (!isEnded()) {
                try {
                    engine.sendRequest(id, request, false);
                } catch (IllegalStateException closing) {
                    // We sent CLOSE already: the peer is told nothing more.
                }
            }
        });
    }

    /** Sends CLOSE (RFC 4254 §5.3); the channel ends when the peer's CLOSE comes back. */
    void close() {
        driver.runOnLoop(() -> {
            if (!isEnded()) {
                engine.close(id);
            }
        });
    }

    /** A reader took {@code n} bytes: reported to the engine, in batches (RFC 4254 §5.2). */
    private void consumed(long n) {
        if (unreported.getAndAdd(n) != 0) {
            return; // the task on its way carries these too
        }
        driver.runOnLoop(() -> {
            long all = unreported.getAndSet(0);
            // Once the channel is over its id may name a newer channel: report nothing then.
            if (!isEnded()) {
                engine.consumed(id, all);
            }
        });
    }

    /** One queued write. */
    private static final class PendingWrite {
        final int dataType;
        final byte[] bytes;
        int sent;

        PendingWrite(int dataType, byte[] bytes) {
            this.dataType = dataType;
            this.bytes = bytes;
        }
    }
}
