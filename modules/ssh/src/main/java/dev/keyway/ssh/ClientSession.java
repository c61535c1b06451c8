package dev.keyway.ssh;

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

    /** Whether the connection is still up. */
    boolean isOpen();

    /** Ends the connection (SSH_MSG_DISCONNECT BY_APPLICATION); running commands see their streams end. */
    @Override
    void close();
}
