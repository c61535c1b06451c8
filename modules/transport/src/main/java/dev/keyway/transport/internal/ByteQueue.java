package dev.keyway.transport.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable FIFO of bytes in one array, compacted instead of reallocated, so a connection's
 * input and output buffers stop allocating once they have reached their working size. It
 * doubles while small and grows by at most {@link #LARGE_STEP} beyond what is needed once
 * large, so a queue held near a high-water mark does not cost twice the mark.
 */
public final class ByteQueue {
    static final int LARGE_STEP = 64 * 1024;

    private byte[] buf;
    private int head;
    private int tail;

    public ByteQueue(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    /** Bytes queued. */
    public int size() {
        return tail - head;
    }

    /** The backing array: queued bytes lie in {@code [head(), head() + size())}. */
    public byte[] array() {
        return buf;
    }

    public int head() {
        return head;
    }

    /**
     * Makes room for {@code n} more bytes at the tail and returns the offset where they go;
     * call {@link #commit(int)} once they are written. Offsets taken before this call are
     * invalid after it.
     */
    public int reserve(int n) {
        if (buf.length - tail < n) {
            int used = tail - head;
            if (buf.length - used >= n && head > 0) {
                System.arraycopy(buf, head, buf, 0, used);
            } else {
                byte[] bigger = new byte[Math.max(used + n, Math.min(buf.length * 2, used + n + LARGE_STEP))];
                System.arraycopy(buf, head, bigger, 0, used);
                buf = bigger;
            }
            head = 0;
            tail = used;
        }
        return tail;
    }

    public void commit(int n) {
        tail += n;
    }

    public void append(byte[] b, int off, int len) {
        int at = reserve(len);
        System.arraycopy(b, off, buf, at, len);
        commit(len);
    }

    /**
     * Drops {@code n} bytes from the head, or everything if fewer are queued (the queue may
     * have been cleared while a packet in it was being handled).
     */
    public void skip(int n) {
        if (n >= tail - head) {
            head = 0;
            tail = 0;
        } else {
            head += n;
        }
    }

    /** Moves up to {@code len} bytes from the head into {@code dst}; returns how many. */
    public int read(byte[] dst, int off, int len) {
        int n = Math.min(len, size());
        System.arraycopy(buf, head, dst, off, n);
        skip(n);
        return n;
    }

    /** Moves as many bytes as fit into {@code dst}; returns how many. */
    public int read(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), size());
        dst.put(buf, head, n);
        skip(n);
        return n;
    }

    /** Forgets everything and wipes the bytes (they may be plaintext). */
    public void clear() {
        Arrays.fill(buf, (byte) 0);
        head = 0;
        tail = 0;
    }
}
