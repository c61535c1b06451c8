package dev.keyway.net;

import java.nio.ByteBuffer;

/** Passes everything to a driver and also runs an action when the connection closes. */
final class ProtocolDriverAdapter implements ProtocolDriver {
    private final ProtocolDriver inner;
    private final Runnable onClosed;

    ProtocolDriverAdapter(ProtocolDriver inner, Runnable onClosed) {
        this.inner = inner;
        this.onClosed = onClosed;
    }

    @Override
    public void start(Connection connection) {
        inner.start(connection);
    }

    @Override
    public void onInput(byte[] buf, int off, int len) {
        inner.onInput(buf, off, len);
    }

    @Override
    public int drainOutput(ByteBuffer dst) {
        return inner.drainOutput(dst);
    }

    @Override
    public boolean hasOutput() {
        return inner.hasOutput();
    }

    @Override
    public boolean isEstablished() {
        return inner.isEstablished();
    }

    @Override
    public boolean isFinished() {
        return inner.isFinished();
    }

    @Override
    public void onTimeout(Timeout timeout) {
        inner.onTimeout(timeout);
    }

    @Override
    public void onPeerClosed(String why) {
        inner.onPeerClosed(why);
    }

    @Override
    public void onClosed() {
        inner.onClosed();
        onClosed.run();
    }
}
