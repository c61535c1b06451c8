package dev.keyway.api;

/**
 * Where a protocol engine above the transport (user authentication, RFC 4252; connection,
 * RFC 4254) puts each message it produces. The owner passes its transport's {@code send}, or
 * a queue in a test, so those engines never depend on the transport (RFC 4254 §1: the
 * connection protocol runs on top of the transport and user-auth layers).
 */
@FunctionalInterface
public interface MessageSender {

    /**
     * One whole message payload, message number first (RFC 4253 §6). The engine hands over a
     * fresh array and does not touch it afterwards.
     */
    void send(byte[] payload);
}
