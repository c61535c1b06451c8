package dev.keyway.connection.internal;

import java.util.ArrayDeque;

/** One channel's state on this side (RFC 4254 §5): ids, both windows, EOF and CLOSE, replies. */
final class Channel {
    final int id;
    final String type;
    ChannelState state;
    /** The peer's number for this channel, the recipient of everything this side sends. */
    int peerId;
    /** Known once the peer's open or confirmation arrived. */
    PeerWindow peerWindow;
    LocalWindow localWindow;
    boolean eofSent;
    boolean eofReceived;
    boolean closeSent;
    boolean closeReceived;
    /** The peer's CLOSE came first and the engine answered it. */
    boolean closedByPeer;
    /** Types of this side's requests that wait for the peer's reply, oldest first. */
    final ArrayDeque<String> awaitingReplies = new ArrayDeque<>();
    /** The peer's requests that wait for this side's reply. */
    final ReplyQueue replies = new ReplyQueue();

    Channel(int id, String type, ChannelState state) {
        this.id = id;
        this.type = type;
        this.state = state;
    }

    @Override
    public String toString() {
        return "channel " + id + " (" + type + ", " + state + ")";
    }
}
