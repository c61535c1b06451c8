package dev.keyway.ssh;

import dev.keyway.connection.ChannelRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A command running in a session channel (RFC 4254 §6.5), with streams in the manner of
 * {@link Process}. The streams apply flow control (RFC 4254 §5.2): the command's output waits
 * at the server while nobody reads it here, so read stdout and stderr (from two threads, or
 * one after the other for small outputs) before waiting for the end.
 */
public interface RemoteProcess extends AutoCloseable {

    /** The command's stdin; closing it sends EOF (RFC 4254 §5.3). */
    OutputStream getOutputStream();

    /** The command's stdout: channel data. */
    InputStream getInputStream();

    /** The command's stderr: extended data of type 1 (RFC 4254 §5.2). */
    InputStream getErrorStream();

    /**
     * Waits until the channel is closed and returns the {@code exit-status} (RFC 4254 §6.10), or
     * -1 when the server sent none (e.g. the command died of a signal: see {@link #exitSignal()}).
     *
     * @throws TimeoutException when the channel is still open after {@code timeout}
     */
    int waitFor(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * The signal that killed the command, if the server said so with {@code exit-signal} (RFC
     * 4254 §6.10): its name without "SIG" (e.g. "KILL"), whether a core was dumped, and a
     * message. Known once {@link #waitFor} returned.
     */
    Optional<ChannelRequest.ExitSignal> exitSignal();

    /**
     * Whether the command runs on a terminal: it was started with a {@link Terminal} and the
     * server accepted the {@code pty-req} (RFC 4254 §6.2).
     */
    boolean hasTerminal();

    /**
     * Tells the server the terminal's new size in characters (RFC 4254 §6.7,
     * {@code window-change}), e.g. after the local window was resized; returns at once. Does
     * nothing when the command has no terminal or the channel is over.
     */
    void resizeTerminal(int columns, int rows);

    /** Closes the channel (RFC 4254 §5.3) without waiting for the command. */
    @Override
    void close();
}
