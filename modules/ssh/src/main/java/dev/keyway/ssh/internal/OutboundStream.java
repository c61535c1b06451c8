package dev.keyway.ssh.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A blocking writer's side of a channel: a write is copied and queued, and waits only while
 * the channel holds {@link ChannelBridge#WRITE_AHEAD} bytes not yet sent, which drain only as
 * fast as the peer's window opens (RFC 4254 §5.2). Nothing is held back here, so
 * {@link #flush()} has nothing to do: what was written is on its way.
 */
final class OutboundStream extends OutputStream {
    private final ChannelBridge bridge;
    private final int dataType;
    private final boolean eofOnClose;
    private volatile boolean closed;

    /**
     * @param dataType {@link ChannelBridge#PLAIN_DATA}, or the extended data type (1: stderr)
     * @param eofOnClose whether closing sends EOF (a client's stdin), or only stops this stream
     *        (a server's stdout, whose EOF follows the command's end)
     */
    OutboundStream(ChannelBridge bridge, int dataType, boolean eofOnClose) {
        this.bridge = bridge;
        this.dataType = dataType;
        this.eofOnClose = eofOnClose;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len > 0) {
            bridge.write(dataType, Arrays.copyOfRange(b, off, off + len));
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (eofOnClose) {
                bridge.sendEof();
            }
        }
    }
}
