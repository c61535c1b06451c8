package dev.keyway.net;

import java.nio.ByteBuffer;

/**
 * A sans-I/O protocol engine as a {@link Connection} drives it. Every method is called on the
 * connection's loop thread.
 */
public interface ProtocolDriver {

    /** The connection is registered; output queued by the engine so far will be flushed next. */
    void start(Connection connection);

    /** Bytes from the peer. */
    void onInput(byte[] buf, int off, int len);

    /** Moves bytes to send into {@code dst}; returns how many. */
    int drainOutput(ByteBuffer dst);

    boolean hasOutput();

    /** Whether the handshake is over, which stops the handshake timer. */
    boolean isEstablished();

    /** Whether the engine is done; the connection closes once its output is flushed. */
    boolean isFinished();

    /** A timer ran out; the engine should say goodbye (a DISCONNECT) and finish. */
    void onTimeout(Timeout timeout);

    /** The peer closed the connection or it broke. */
    void onPeerClosed(String why);

    /** The socket is closed; last call. */
    void onClosed();

    /** The timers a connection keeps. */
    enum Timeout {
        /** The handshake did not complete in time (OpenSSH's LoginGraceTime covers the same span). */
        HANDSHAKE,
        /** Nothing arrived from the peer for too long. */
        IDLE
    }
}
