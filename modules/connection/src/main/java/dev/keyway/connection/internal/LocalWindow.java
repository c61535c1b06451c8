package dev.keyway.connection.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;

/**
 * How much the peer may still send on a channel (RFC 4254 §5.2). Bytes count against the
 * window from arrival until the owner says the application consumed them; only then is the
 * window reopened, in steps of at least half the initial window (as OpenSSH does) so that a
 * steady reader does not cost one WINDOW_ADJUST per data message.
 */
final class LocalWindow {
    private final long initial;
    private final long maxPacket;
    private long window;
    private long unconsumed;
    private long consumedUnannounced;

    LocalWindow(long initial, long maxPacket) {
        this.initial = initial;
        this.maxPacket = maxPacket;
        this.window = initial;
    }

    long window() {
        return window;
    }

    /** A data message of {@code n} bytes arrived. */
    void receive(int n) throws SshProtocolException {
        if (n > maxPacket) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "data message of " + n + " bytes exceeds the maximum packet size " + maxPacket);
        }
        if (n > window) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "peer sent " + n + " bytes with a window of " + window);
        }
        window -= n;
        unconsumed += n;
    }

    /**
     * The application took {@code n} bytes; returns how far to reopen the window now (the
     * WINDOW_ADJUST to send), or 0 while less than half the initial window waits.
     */
    long consume(long n) {
        if (n < 0 || n > unconsumed) {
            throw new IllegalArgumentException("consumed " + n + " bytes of " + unconsumed + " delivered");
        }
        unconsumed -= n;
        consumedUnannounced += n;
        if (consumedUnannounced == 0 || consumedUnannounced < initial / 2) {
            return 0;
        }
        long adjust = consumedUnannounced;
        consumedUnannounced = 0;
        window += adjust;
        return adjust;
    }
}
