package dev.keyway.connection.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;

/**
 * How much this side may still send on a channel, and in what pieces (RFC 4254 §5.2). The
 * window is a uint32 held in a long, so no sum can wrap.
 */
final class PeerWindow {
    static final long UINT32_MAX = 0xffffffffL;

    private long window;
    private final long maxPacket;

    /**
     * @param maxPacket the peer's maximum packet size, already clamped to what this side can
     *        send in one message
     */
    PeerWindow(long window, long maxPacket) {
        this.window = window;
        this.maxPacket = maxPacket;
    }

    long window() {
        return window;
    }

    /** The most data one message may carry: the peer's maximum, within this side's limit. */
    int maxPacket() {
        return (int) maxPacket;
    }

    /** How many of {@code wanted} bytes the window lets this side send now. */
    int allowance(int wanted) {
        return (int) Math.min(wanted, window);
    }

    void spend(int n) {
        if (n < 0 || n > window) {
            throw new IllegalStateException("spending " + n + " of a window of " + window);
        }
        window -= n;
    }

    /**
     * The peer's SSH_MSG_CHANNEL_WINDOW_ADJUST. RFC 4254 §5.2: the window MUST NOT be
     * increased above 2^32-1. A peer that does so broke that rule, so it is an error, as in
     * OpenSSH, rather than clamped: clamping would hide a peer whose accounting is wrong.
     */
    void adjust(long bytes) throws SshProtocolException {
        if (window + bytes > UINT32_MAX) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "window adjust of " + bytes + " takes the window of " + window + " past 2^32-1");
        }
        window += bytes;
    }
}
