package dev.keyway.net;

import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * Drives an {@link SshTransport} over a connection and hands each of its events, with the
 * connection, to the owner's handler, on the loop's thread. The handler may call the engine
 * (send a reply, disconnect): what it queues is flushed right after.
 */
public final class TransportDriver implements ProtocolDriver {
    private final SshTransport transport;
    private final BiConsumer<Connection, TransportEvent> handler;
    private Connection connection;

    public TransportDriver(SshTransport transport, BiConsumer<Connection, TransportEvent> handler) {
        this.transport = transport;
        this.handler = handler;
    }

    public SshTransport transport() {
        return transport;
    }

    @Override
    public void start(Connection c) {
        this.connection = c;
        drainEvents();
    }

    @Override
    public void onInput(byte[] buf, int off, int len) {
        transport.receive(buf, off, len);
        drainEvents();
    }

    @Override
    public boolean wantsInput() {
        return transport.wantsInput();
    }

    @Override
    public boolean onOutputFlushed() {
        if (!transport.wantsInput()) {
            return false;
        }
        transport.processInput();
        drainEvents();
        return transport.pendingOutput() > 0;
    }

    @Override
    public int drainOutput(ByteBuffer dst) {
        return transport.readOutput(dst);
    }

    @Override
    public boolean hasOutput() {
        return transport.pendingOutput() > 0;
    }

    @Override
    public boolean isEstablished() {
        return transport.isEstablished();
    }

    @Override
    public boolean isFinished() {
        return transport.isClosed();
    }

    @Override
    public void onTimeout(Timeout timeout) {
        switch (timeout) {
            case HANDSHAKE -> transport.disconnect(DisconnectReason.BY_APPLICATION, "handshake timeout");
            case IDLE -> transport.disconnect(DisconnectReason.BY_APPLICATION, "idle timeout");
            case SHED -> transport.disconnect(DisconnectReason.TOO_MANY_CONNECTIONS, "too many connections");
        }
        drainEvents();
    }

    @Override
    public void onPeerClosed(String why) {
        transport.connectionLost(why);
        drainEvents();
    }

    @Override
    public void onClosed() {
        // The engine already reported its end through a Disconnected event.
    }

    private void drainEvents() {
        for (TransportEvent e; (e = transport.pollEvent()) != null; ) {
            handler.accept(connection, e);
        }
    }
}
