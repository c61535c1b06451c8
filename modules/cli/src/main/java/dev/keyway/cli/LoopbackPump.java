package dev.keyway.cli;

import dev.keyway.transport.SshTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Drives two engines over two ends of a real TCP connection in one thread: what an engine
 * has to send is written to its socket, what arrives is fed to it. One thread keeps the
 * order of events the order in which things happened, which the demo prints.
 */
final class LoopbackPump implements AutoCloseable {
    /** Called after each engine step, to collect and print its events. */
    interface Observer {
        void afterStep();

        /** Bytes that went onto the wire from one side. */
        void wrote(boolean fromClient, ByteBuffer bytes);
    }

    private final Side client;
    private final Side server;
    private final Selector selector;
    private final Observer observer;

    private static final class Side {
        final SshTransport engine;
        final SocketChannel channel;
        final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        boolean eof;

        Side(SshTransport engine, SocketChannel channel) {
            this.engine = engine;
            this.channel = channel;
            out.flip();
        }
    }

    LoopbackPump(SshTransport clientEngine, SocketChannel clientChannel, SshTransport serverEngine,
            SocketChannel serverChannel, Observer observer) throws IOException {
        this.client = new Side(clientEngine, clientChannel);
        this.server = new Side(serverEngine, serverChannel);
        this.observer = observer;
        this.selector = Selector.open();
        for (Side s : new Side[] {client, server}) {
            s.channel.configureBlocking(false);
            s.channel.register(selector, SelectionKey.OP_READ, s);
        }
    }

    /** Moves bytes until {@code done} holds; fails after {@code timeout}. */
    void runUntil(BooleanSupplier done, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the session did not finish within " + timeout.toSeconds() + " s");
            }
            boolean progress = flush(client, true) | flush(server, false);
            if (progress) {
                continue;
            }
            selector.select(50);
            for (SelectionKey key : selector.selectedKeys()) {
                read((Side) key.attachment());
            }
            selector.selectedKeys().clear();
        }
        flush(client, true);
        flush(server, false);
    }

    private boolean flush(Side s, boolean fromClient) throws IOException {
        boolean progress = false;
        while (true) {
            if (!s.out.hasRemaining()) {
                if (s.engine.pendingOutput() == 0) {
                    return progress;
                }
                s.out.clear();
                s.engine.readOutput(s.out);
                s.out.flip();
                observer.wrote(fromClient, s.out.duplicate());
            }
            if (s.channel.write(s.out) == 0) {
                return progress;
            }
            progress = true;
        }
    }

    private void read(Side s) throws IOException {
        s.in.clear();
        int n = s.channel.read(s.in);
        if (n < 0) {
            s.eof = true;
            s.channel.close();
            return;
        }
        s.engine.receive(s.in.array(), 0, n);
        observer.afterStep();
    }

    @Override
    public void close() throws IOException {
        selector.close();
        client.channel.close();
        server.channel.close();
    }
}
