package dev.keyway.transport.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Messages of the layers above that wait while a key exchange runs (RFC 4253 §7.1), counted
 * in bytes so that they weigh on the engine's output high-water mark like queued output.
 */
final class HeldMessages {
    private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
    private long bytes;

    void add(byte[] payload) {
        messages.add(payload);
        bytes += payload.length;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The oldest message, taken out. */
    byte[] poll() {
        byte[] m = messages.poll();
        if (m != null) {
            bytes -= m.length;
        }
        return m;
    }

    long bytes() {
        return bytes;
    }

    /** Zeroes and forgets everything (the connection is closed): a held message may carry a password. */
    void clear() {
        for (byte[] m; (m = messages.poll()) != null; ) {
            Arrays.fill(m, (byte) 0);
        }
        bytes = 0;
    }
}
