package dev.keyway.net;

import java.nio.ByteBuffer;

/**
 * A sans-I/O protocol engine as a {@link Connection} drives it. Every method is called on the
 * connection's loop thread.
 */
public interface ProtocolDriver {

    /** The connection is registered; output queued by the engine so far will be flushed next. */
    void start(Connection connection);

    /** Bytes from the peer; called only while {@link #wantsInput()}. */
    void onInput(byte[] buf, int off, int len);

    /**
     * Whether the engine takes more input now. While it does not (its output waits above a
     * high-water mark, or a layer waits on something), the connection does not read the
     * socket, so a peer that sends without reading costs no more memory and no CPU.
     */
    boolean wantsInput();

    /**
     * The socket took all the output there was: the engine may go on with input it held back
     * and with writers that waited for room.
     *
     * @return whether it produced output, which the connection then flushes
     */
    boolean onOutputFlushed();

    /** Moves bytes to send into {@code dst}; returns how many. */
    int drainOutput(ByteBuffer dst);

    boolean hasOutput();

    /**
     * Whether the handshake is over, which stops the handshake timer: for an SSH server, once
     * the user is authenticated, so that the timer is sshd's LoginGraceTime.
     */
    boolean isEstablished();

    /** Whether the engine is done; the connection closes once its output is flushed. */
    boolean isFinished();

    /** A limit ran out; the engine should say goodbye (a DISCONNECT) and finish. */
    void onTimeout(Timeout timeout);

    /** The peer closed the connection or it broke. */
    void onPeerClosed(String why);

    /** The socket is closed; last call. */
    void onClosed();

    /** The limits a connection enforces on its own. */
    enum Timeout {
        /** The handshake did not complete in time (for a server, sshd's LoginGraceTime). */
        HANDSHAKE,
        /** Nothing arrived from the peer for too long. */
        IDLE,
        /**
         * The server sheds this connection, which has not finished its handshake, to make room
         * for a new one (sshd's MaxStartups, {@link StartupLimits}).
         */
        SHED
    }
}
