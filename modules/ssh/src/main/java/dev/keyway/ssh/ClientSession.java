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
     * Like {@link #exec(String)}, but first asks for a pseudo-terminal (RFC 4254 §6.2,
     * {@code pty-req}), as {@code ssh -t host command} does, e.g. for a full-screen program. A
     * server that refuses the terminal still runs the command, with plain streams; {@link
     * RemoteProcess#hasTerminal()} tells which.
     */
    RemoteProcess exec(String command, Terminal terminal) throws IOException;

    /**
     * Opens a session channel and asks for the user's shell (RFC 4254 §6.5), without a
     * terminal: its input and output are plain streams, as with {@code ssh -T}.
     */
    RemoteProcess shell() throws IOException;

    /**
     * Opens a session channel, asks for a pseudo-terminal (RFC 4254 §6.2, {@code pty-req}) and
     * then for the user's shell, as {@code ssh host} does on a terminal: an interactive shell
     * whose stdout carries everything the terminal shows (stderr stays empty) and whose stdin
     * is what the user types. A refused terminal is not fatal (OpenSSH's "PTY allocation
     * request failed"): the shell runs without one and {@link RemoteProcess#hasTerminal()} is
     * false.
     */
    RemoteProcess shell(Terminal terminal) throws IOException;

    /**
     * Opens a session channel and asks for the subsystem {@code name} (RFC 4254 §6.5), e.g.
     * {@code sftp}, as {@code ssh -s host name} does: the streams carry the subsystem's own
     * protocol.
     *
     * @throws IOException when the channel cannot be opened, the server has no such subsystem,
     *     or the session is over
     */
    RemoteProcess subsystem(String name) throws IOException;

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
