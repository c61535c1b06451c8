package dev.keyway.connection;

import java.util.Set;

/**
 * The limits and policy of one side of a connection. The defaults follow OpenSSH for session
 * channels: a 2 MiB window and 32 KiB packets (RFC 4254 §5.1 leaves both to the
 * implementation), and at most 10 channels, the default of OpenSSH's {@code MaxSessions}.
 *
 * @param initialWindow the window given to the peer for each channel, in bytes: 1 to 2^32-1
 *        (RFC 4254 §5.2)
 * @param maxPacket the largest data message the peer may send on a channel: 1 to 2^32-1
 * @param maxChannels how many channels may exist at once; a peer's open beyond it is refused
 *        with {@link OpenFailureReason#RESOURCE_SHORTAGE}
 * @param acceptedChannelTypes the channel types the owner decides on; a peer's open of any
 *        other type is refused with {@link OpenFailureReason#UNKNOWN_CHANNEL_TYPE} without
 *        reaching the owner
 * @param sendLimit the most data one message this side sends may carry, whatever maximum
 *        packet size the peer announces: what the transport below can frame
 * @param maxPendingRequests the most requests on one channel that wait for this side's reply;
 *        a peer that asks for more without reading the answers is disconnected
 */
public record ConnectionConfig(long initialWindow, long maxPacket, int maxChannels,
        Set<String> acceptedChannelTypes, int sendLimit, int maxPendingRequests) {

    /** OpenSSH's CHAN_SES_WINDOW_DEFAULT. */
    public static final long DEFAULT_WINDOW = 2L * 1024 * 1024;
    /** OpenSSH's CHAN_SES_PACKET_DEFAULT. */
    public static final long DEFAULT_MAX_PACKET = 32L * 1024;
    /** OpenSSH's default MaxSessions. */
    public static final int DEFAULT_MAX_CHANNELS = 10;
    /**
     * What the transport's default 256 KiB packet carries once the packet framing, the largest
     * MAC and the data message's own fields are taken off.
     */
    public static final int DEFAULT_SEND_LIMIT = 256 * 1024 - 128;
    /** Requests awaiting a reply per channel: a real client sends a handful before its command. */
    public static final int DEFAULT_MAX_PENDING_REQUESTS = 64;

    public ConnectionConfig {
        if (initialWindow < 1 || initialWindow > 0xffffffffL) {
            throw new IllegalArgumentException("initial window not in 1..2^32-1: " + initialWindow);
        }
        if (maxPacket < 1 || maxPacket > 0xffffffffL) {
            throw new IllegalArgumentException("max packet not in 1..2^32-1: " + maxPacket);
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException("max channels must be positive: " + maxChannels);
        }
        acceptedChannelTypes = Set.copyOf(acceptedChannelTypes);
        if (sendLimit < 1 || maxPendingRequests < 1) {
            throw new IllegalArgumentException("sendLimit and maxPendingRequests must be positive");
        }
    }

    /**
     * A server's defaults: it decides on "session" channels. RFC 4254 §6.1 has a client refuse
     * them, so a client should use {@link #client()}.
     */
    public static ConnectionConfig server() {
        return new ConnectionConfig(DEFAULT_WINDOW, DEFAULT_MAX_PACKET, DEFAULT_MAX_CHANNELS, Set.of("session"),
                DEFAULT_SEND_LIMIT, DEFAULT_MAX_PENDING_REQUESTS);
    }

    /** A client's defaults: it opens channels and accepts none from the server. */
    public static ConnectionConfig client() {
        return new ConnectionConfig(DEFAULT_WINDOW, DEFAULT_MAX_PACKET, DEFAULT_MAX_CHANNELS, Set.of(),
                DEFAULT_SEND_LIMIT, DEFAULT_MAX_PENDING_REQUESTS);
    }

    /** The same config with another window and maximum packet size for this side's channels. */
    public ConnectionConfig withWindow(long window, long packet) {
        return new ConnectionConfig(window, packet, maxChannels, acceptedChannelTypes, sendLimit, maxPendingRequests);
    }

    /** The same config with another cap on channels. */
    public ConnectionConfig withMaxChannels(int channels) {
        return new ConnectionConfig(initialWindow, maxPacket, channels, acceptedChannelTypes, sendLimit,
                maxPendingRequests);
    }

    /** The same config deciding on other channel types, e.g. "direct-tcpip" for a forwarding server. */
    public ConnectionConfig withAcceptedChannelTypes(Set<String> types) {
        return new ConnectionConfig(initialWindow, maxPacket, maxChannels, types, sendLimit, maxPendingRequests);
    }

    /** The same config sending at most {@code bytes} of data per message (the transport's limit). */
    public ConnectionConfig withSendLimit(int bytes) {
        return new ConnectionConfig(initialWindow, maxPacket, maxChannels, acceptedChannelTypes, bytes,
                maxPendingRequests);
    }

    /** The same config with another cap on requests awaiting replies per channel. */
    public ConnectionConfig withMaxPendingRequests(int requests) {
        return new ConnectionConfig(initialWindow, maxPacket, maxChannels, acceptedChannelTypes, sendLimit, requests);
    }
}
