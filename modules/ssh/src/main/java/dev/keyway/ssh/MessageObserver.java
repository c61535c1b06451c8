package dev.keyway.ssh;

/**
 * Sees every message above the transport layer, each session's in order: the service
 * request and accept (RFC 4253 §10), user authentication (RFC 4252) and the connection
 * protocol (RFC 4254), in clear, as this side sent it or received it. For traces such as
 * {@code keyway ssh -v}; {@link SessionMessages} names them without secrets. It is called on
 * the network thread and must not block.
 */
@FunctionalInterface
public interface MessageObserver {

    /**
     * @param sent true for a message this side sends (before it is encrypted), false for one
     *     it received (after it was decrypted and checked)
     * @param payload the message, its number first; valid during the call only. It may hold a
     *     password: keep it out of logs, as {@link SessionMessages} does
     */
    void onMessage(boolean sent, byte[] payload);
}
