package dev.keyway.connection;

import java.util.Arrays;

/**
 * What the engine reports to its owner, in the order it happened. Channels are named by this
 * side's channel id; an id stays reserved until the owner has polled the event that ends its
 * channel ({@link ChannelClosed} or {@link ChannelOpenFailed}), so a stale id never names a
 * newer channel.
 */
public sealed interface ConnectionEvent {

    /**
     * The peer asks to open a channel of a type the owner accepts (RFC 4254 §5.1); answer with
     * {@link ConnectionEngine#acceptOpen} or {@link ConnectionEngine#rejectOpen}.
     */
    record ChannelOpenRequested(int channel, String type, byte[] typeData) implements ConnectionEvent {
        public ChannelOpenRequested {
            typeData = typeData.clone();
        }

        @Override
        public byte[] typeData() {
            return typeData.clone();
        }
    }

    /**
     * The engine refused a peer's open without asking the owner: an unknown type or too many
     * channels (RFC 4254 §5.1). Reported for logs.
     */
    record ChannelOpenRefused(String type, OpenFailureReason reason) implements ConnectionEvent {
    }

    /** The peer confirmed a channel this side opened (RFC 4254 §5.1). */
    record ChannelOpened(int channel) implements ConnectionEvent {
    }

    /**
     * The peer refused a channel this side opened (RFC 4254 §5.1); {@code reasonCode} is the
     * uint32 it sent, usually an {@link OpenFailureReason} code. The id is free once polled.
     */
    record ChannelOpenFailed(int channel, int reasonCode, String description) implements ConnectionEvent {
    }

    /**
     * Data arrived (RFC 4254 §5.2). It counts against this side's window until the owner calls
     * {@link ConnectionEngine#consumed}.
     */
    record ChannelData(int channel, byte[] data) implements ConnectionEvent {
        @Override
        public String toString() {
            return "ChannelData[channel=" + channel + ", " + data.length + " bytes]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChannelData d && d.channel == channel && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return channel * 31 + Arrays.hashCode(data);
        }
    }

    /** Extended data arrived, e.g. stderr with data type 1 (RFC 4254 §5.2); windowed like data. */
    record ChannelExtendedData(int channel, int dataType, byte[] data) implements ConnectionEvent {
        @Override
        public String toString() {
            return "ChannelExtendedData[channel=" + channel + ", type " + dataType + ", " + data.length + " bytes]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChannelExtendedData d && d.channel == channel && d.dataType == dataType
                    && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return (channel * 31 + dataType) * 31 + Arrays.hashCode(data);
        }
    }

    /**
     * The peer enlarged its window (RFC 4254 §5.2): {@code window} bytes may now be written, so
     * a writer that was held back can retry.
     */
    record WindowAdjusted(int channel, long window) implements ConnectionEvent {
    }

    /** The peer will send no more data on the channel (RFC 4254 §5.3). */
    record ChannelEof(int channel) implements ConnectionEvent {
    }

    /**
     * Both sides sent SSH_MSG_CHANNEL_CLOSE (RFC 4254 §5.3): the channel is gone and its id is
     * free once this event is polled. When the peer closed first, the engine already answered.
     */
    record ChannelClosed(int channel) implements ConnectionEvent {
    }

    /**
     * A channel request addressed to this side (RFC 4254 §5.4, §6). With {@code wantReply}
     * the owner must answer through {@link ConnectionEngine#replyToRequest}; replies go out in
     * the order the requests came.
     */
    record ChannelRequestReceived(int channel, ChannelRequest request, boolean wantReply)
            implements ConnectionEvent {
    }

    /** The peer answered a request this side sent with want reply (RFC 4254 §5.4). */
    record ChannelRequestReplied(int channel, String requestType, boolean success) implements ConnectionEvent {
    }

    /**
     * A global request (RFC 4254 §4); Keyway supports none, so the engine answered
     * SSH_MSG_REQUEST_FAILURE if the peer wanted a reply. Reported for logs.
     */
    record GlobalRequestRefused(String name, boolean wantReply) implements ConnectionEvent {
    }

    /**
     * The peer answered a global request this side sent with want-reply (RFC 4254 §4):
     * SSH_MSG_REQUEST_SUCCESS or _FAILURE, paired with the requests by order.
     */
    record GlobalRequestReplied(String name, boolean success) implements ConnectionEvent {
    }
}
