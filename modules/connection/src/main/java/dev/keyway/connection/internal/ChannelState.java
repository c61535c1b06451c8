package dev.keyway.connection.internal;

/**
 * Where a channel is in its life (RFC 4254 §5.1, §5.3). EOF and CLOSE in each direction are
 * flags of {@link Channel} while it is {@link #OPEN}.
 */
enum ChannelState {
    /** This side sent CHANNEL_OPEN and waits for the peer's answer. */
    OPENING,
    /** The peer sent CHANNEL_OPEN and the owner has not decided yet. */
    AWAITING_DECISION,
    /** Confirmed; data may flow until EOF and CLOSE. */
    OPEN,
    /** CLOSE went both ways: the id is freed when the owner polls ChannelClosed. */
    CLOSED,
    /** The peer refused this side's open: the id is freed when the owner polls ChannelOpenFailed. */
    FAILED
}
