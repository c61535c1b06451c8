package dev.keyway.net;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A driver that passes everything through to another and lets an observer see the bytes it
 * puts on the wire and learn when the connection closed: for traces, taps and tests.
 */
public final class ObservedDriver implements ProtocolDriver {
    private final ProtocolDriver inner;
    private final Consumer<ByteBuffer> written;
    private final Runnable closed;

    /**
     * @param written sees a read-only view of each batch of output, on the loop thread
     * @param closed runs after the connection closed
     */
    public ObservedDriver(ProtocolDriver inner, Consumer<ByteBuffer> written, Runnable closed) {
        this.inner = inner;
        this.written = written;
        this.closed = closed;
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
    public boolean wantsInput() {
        return inner.wantsInput();
    }

    @Override
    public boolean onOutputFlushed() {
        return inner.onOutputFlushed();
    }

    @Override
    public int drainOutput(ByteBuffer dst) {
        int start = dst.position();
        int n = inner.drainOutput(dst);
        written.accept(dst.asReadOnlyBuffer().flip().position(start));
        return n;
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
        closed.run();
    }
}
