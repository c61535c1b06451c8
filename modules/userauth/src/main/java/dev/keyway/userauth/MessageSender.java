package dev.keyway.userauth;

/**
 * Where an engine's messages go: the owner passes {@code SshTransport::send}, or a queue in a
 * test. The engine hands over a fresh array per message and keeps no reference to it.
 */
@FunctionalInterface
public interface MessageSender {

    /** Sends one whole message payload, message number first (RFC 4253 §6). */
    void send(byte[] payload);
}
