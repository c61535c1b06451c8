package dev.keyway.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * Channel data for a blocking reader. The loop thread offers each data message as it arrives;
 * the reader takes bytes and only then reports them consumed, which is what reopens the
 * peer's window (RFC 4254 §5.2). So what waits here is bounded by the channel's window, and a
 * reader that stops reading stops the peer.
 */
final class InboundStream extends InputStream {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final LongConsumer consumed;
    private int headOffset;
    private boolean ended;
    /** The reader closed the stream: what arrives is consumed at once and dropped. */
    private boolean discarding;

    /** @param consumed told (on the reader's thread) how many bytes the reader took */
    InboundStream(LongConsumer consumed) {
        this.consumed = consumed;
    }

    /** Loop thread: a data message's bytes (a fresh array). */
    void offer(byte[] data) {
        synchronized (this) {
            if (!discarding) {
                chunks.add(data);
                notifyAll();
                return;
            }
        }
        consumed.accept(data.length);
    }

    /** Loop thread: no more data will come (EOF, CLOSE, or the session ended). */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = 0;
        synchronized (this) {
            while (chunks.isEmpty() && !ended) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading channel data");
                }
            }
            while (n < len && !chunks.isEmpty()) {
                byte[] head = chunks.peek();
                int take = Math.min(len - n, head.length - headOffset);
                System.arraycopy(head, headOffset, b, off + n, take);
                n += take;
                headOffset += take;
                if (headOffset == head.length) {
                    chunks.poll();
                    headOffset = 0;
                }
            }
        }
        if (n == 0) {
            return -1;
        }
        consumed.accept(n);
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int available() {
        int n = -headOffset;
        for (byte[] c : chunks) {
            n += c.length;
        }
        return Math.max(0, n);
    }

    /** Drops what is buffered and what still comes, consuming it so the peer is not held back. */
    @Override
    public void close() {
        int dropped;
        synchronized (this) {
            if (discarding) {
                return;
            }
            discarding = true;
            dropped = available();
            chunks.clear();
            headOffset = 0;
            ended = true;
            notifyAll();
        }
        if (dropped > 0) {
            consumed.accept(dropped);
        }
    }
}
