package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ConnectionEngine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One channel between the loop's thread, which alone touches the {@link ConnectionEngine},
 * and the blocking streams of other threads. Inbound data waits in {@link InboundStream}s
 * until read; outbound writes wait here, in order, in their writers' own arrays, until both
 * the peer's window (RFC 4254 §5.2) and the transport's output (its high-water mark) take
 * them, and are retried on every WINDOW_ADJUST and every time the socket drained. When the
 * channel or the session ends, every waiting thread is woken with an {@link IOException} or
 * end of stream.
 */
final class ChannelBridge {
    /** The data type of plain SSH_MSG_CHANNEL_DATA, as opposed to an extended type. */
    static final int PLAIN_DATA = -1;

    final int id;
    private final ConnectionEngine engine;
    private final SessionDriver driver;
    private final InboundStream data;
    private final InboundStream extended;
    /** Loop thread only: writes in the order they came, the head partly sent. */
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    /** Writes whose threads wait; guarded by this, so that the end can fail every one. */
    private final Set<PendingWrite> waiting = new HashSet<>();
    private String endReason;
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
        while (!writes.isEmpty()) {
            PendingWrite w = writes.peek();
            int room = (int) Math.min(w.bytes.length - w.sent, driver.outputRoom());
            if (room == 0) {
                return; // the socket is behind: the driver calls again once it drained
            }
            int n;
            try {
                n = w.dataType == PLAIN_DATA ? engine.write(id, w.bytes, w.sent, room)
                        : engine.writeExtended(id, w.dataType, w.bytes, w.sent, room);
            } catch (IllegalStateException e) {
                writes.poll();
                w.done.completeExceptionally(new IOException("the channel takes no more data"));
                continue;
            }
            w.sent += n;
            if (n < room) {
                return; // the window is spent: WINDOW_ADJUST calls again
            }
            if (w.sent < w.bytes.length) {
                continue;
            }
            writes.poll();
            w.done.complete(null);
        }
    }

    /** EOF once (RFC 4254 §5.3), unless the channel is over. */
    void sendEofOnLoop() {
        if (!eofSent && !isEnded()) {
            eofSent = true;
            engine.sendEof(id);
        }
    }

    /** The channel or the whole session is over: wake every waiting thread. */
    void onEnded(String why) {
        data.end();
        extended.end();
        Set<PendingWrite> failed;
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = why;
            failed = Set.copyOf(waiting);
        }
        writes.clear();
        IOException e = new IOException(why);
        failed.forEach(w -> w.done.completeExceptionally(e));
    }

    synchronized boolean isEnded() {
        return endReason != null;
    }

    // ---- any thread --------------------------------------------------------------------

    /** Blocks until the channel took all of {@code bytes}, or fails when the channel ends first. */
    void write(int dataType, byte[] bytes) throws IOException {
        PendingWrite w = new PendingWrite(dataType, bytes);
        synchronized (this) {
            if (endReason != null) {
                throw new IOException(endReason);
            }
            waiting.add(w);
        }
        try {
            driver.runOnLoop(() -> {
                if (!isEnded()) {
                    writes.add(w);
                    pump();
                }
            });
            w.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing channel data");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? new IOException(io.getMessage(), io)
                    : new IOException(e.getCause());
        } finally {
            synchronized (this) {
                waiting.remove(w);
            }
        }
    }

    void sendEof() {
        driver.runOnLoop(this::sendEofOnLoop);
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

    private void consumed(long n) {
        driver.runOnLoop(() -> {
            // Once the channel is over its id may name a newer channel: report nothing then.
            if (!isEnded()) {
                engine.consumed(id, n);
            }
        });
    }

    /** One write in progress. */
    private static final class PendingWrite {
        final int dataType;
        final byte[] bytes;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int sent;

        PendingWrite(int dataType, byte[] bytes) {
            this.dataType = dataType;
            this.bytes = bytes;
        }
    }
}
