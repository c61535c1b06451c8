package dev.keyway.ssh;

import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import java.io.IOException;

/**
 * An authenticated SSH connection (RFC 4252 §5.1) on which commands run in session channels
 * (RFC 4254 §6). Several may run at once, each in its own channel. Thread-safe.
 */
public interface ClientSession extends AutoCloseable {

    /** The user this session is logged in as. */
    String user();

    /**
     * Opens a session channel and asks it to {@code exec} {@code command} (RFC 4254 §6.5).
     *
     * @throws IOException when the channel cannot be opened, the server refuses the command, or
     *     the session is over
     */
    RemoteProcess exec(String command) throws IOException;

    /**
     * Opens a session channel and asks for the user's shell (RFC 4254 §6.5), without a
     * terminal: its input and output are plain streams.
     */
    RemoteProcess shell() throws IOException;

    /**
     * The algorithms the keys in use were negotiated with (RFC 4253 §7.1): after a re-exchange,
     * those of the newest keys.
     */
    NegotiatedAlgorithms algorithms();

    /** The host key the server proved it holds, as the verifier accepted it (RFC 4253 §8). */
    ServerHostKey hostKey();

    /**
     * Starts a key re-exchange now (RFC 4253 §9), like OpenSSH's {@code ~R}; returns at once.
     * Channels keep running while it happens.
     */
    void rekey();

    /** Whether the connection is still up. */
    boolean isOpen();

    /** Ends the connection (SSH_MSG_DISCONNECT BY_APPLICATION); running commands see their streams end. */
    @Override
    void close();
}
