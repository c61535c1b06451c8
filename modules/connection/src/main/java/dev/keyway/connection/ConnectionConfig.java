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
 */
public record ConnectionConfig(long initialWindow, long maxPacket, int maxChannels,
        Set<String> acceptedChannelTypes) {

    /** OpenSSH's CHAN_SES_WINDOW_DEFAULT. */
    public static final long DEFAULT_WINDOW = 2L * 1024 * 1024;
    /** OpenSSH's CHAN_SES_PACKET_DEFAULT. */
    public static final long DEFAULT_MAX_PACKET = 32L * 1024;
    /** OpenSSH's default MaxSessions. */
    public static final int DEFAULT_MAX_CHANNELS = 10;

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
    }

    /**
     * A server's defaults: it decides on "session" channels. RFC 4254 §6.1 has a client refuse
     * them, so a client should use {@link #client()}.
     */
    public static ConnectionConfig server() {
        return new ConnectionConfig(DEFAULT_WINDOW, DEFAULT_MAX_PACKET, DEFAULT_MAX_CHANNELS, Set.of("session"));
    }

    /** A client's defaults: it opens channels and accepts none from the server. */
    public static ConnectionConfig client() {
        return new ConnectionConfig(DEFAULT_WINDOW, DEFAULT_MAX_PACKET, DEFAULT_MAX_CHANNELS, Set.of());
    }

    /** The same config with another window and maximum packet size for this side's channels. */
    public ConnectionConfig withWindow(long window, long packet) {
        return new ConnectionConfig(window, packet, maxChannels, acceptedChannelTypes);
    }

    /** The same config with another cap on channels. */
    public ConnectionConfig withMaxChannels(int channels) {
        return new ConnectionConfig(initialWindow, maxPacket, channels, acceptedChannelTypes);
    }

    /** The same config deciding on other channel types, e.g. "direct-tcpip" for a forwarding server. */
    public ConnectionConfig withAcceptedChannelTypes(Set<String> types) {
        return new ConnectionConfig(initialWindow, maxPacket, maxChannels, types);
    }
}
