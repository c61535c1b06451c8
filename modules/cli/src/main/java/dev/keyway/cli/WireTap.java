package dev.keyway.cli;

import dev.keyway.net.Connection;
import dev.keyway.net.ProtocolDriver;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** Shows the demo the bytes a driver puts on the wire, and otherwise passes everything through. */
final class WireTap implements ProtocolDriver {
    private final ProtocolDriver inner;
    private final Consumer<ByteBuffer> written;

    WireTap(ProtocolDriver inner, Consumer<ByteBuffer> written) {
        this.inner = inner;
        this.written = written;
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
        int start = dst.position();
        int n = inner.drainOutput(dst);
        written.accept(dst.duplicate().flip().position(start));
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
    }
}
