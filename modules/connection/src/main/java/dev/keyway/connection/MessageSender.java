package dev.keyway.connection;

/**
 * Where the engine puts each connection message it produces, message number first. The owner
 * passes its transport's {@code send}, so this module never depends on the transport
 * (RFC 4254 §1: the connection protocol runs on top of the transport and user-auth layers).
 */
@FunctionalInterface
public interface MessageSender {

    /** One whole message payload; the engine does not touch the array afterwards. */
    void send(byte[] payload);
}
