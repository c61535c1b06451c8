package dev.keyway.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A listening socket on an {@link EventLoop}: each accepted connection gets a new driver from
 * the factory. Closing the listener stops accepting; connections already accepted go on
 * until they end or their loop closes.
 */
public final class Listener implements EventLoop.Ready, AutoCloseable {
    private final EventLoop loop;
    private final ServerSocketChannel server;
    private final Supplier<? extends ProtocolDriver> drivers;
    private final ConnectionLimits limits;

    private Listener(EventLoop loop, ServerSocketChannel server, Supplier<? extends ProtocolDriver> drivers,
            ConnectionLimits limits) {
        this.loop = loop;
        this.server = server;
        this.drivers = drivers;
        this.limits = limits;
    }

    /** Binds {@code address} (port 0 picks a free one) and starts accepting. */
    public static Listener bind(EventLoop loop, InetSocketAddress address, Supplier<? extends ProtocolDriver> drivers,
            ConnectionLimits limits) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(address);
            Listener l = new Listener(loop, ch, drivers, limits);
            CompletableFuture<Void> registered = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    loop.register(ch, SelectionKey.OP_ACCEPT, l);
                    registered.complete(null);
                } catch (IOException | RuntimeException e) {
                    registered.completeExceptionally(e);
                }
            });
            registered.get();
            return l;
        } catch (IOException e) {
            ch.close();
            throw e;
        } catch (ExecutionException e) {
            ch.close();
            throw new IOException("cannot register the listening socket", e.getCause());
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding", e);
        }
    }

    /** The bound address, with the port actually chosen. */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void ready(SelectionKey key) {
        for (int i = 0; i < 16; i++) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                return;
            }
            if (accepted == null) {
                return;
            }
            try {
                Connection.accepted(loop, accepted, drivers.get(), limits);
            } catch (IOException | RuntimeException e) {
                try {
                    accepted.close();
                } catch (IOException ignored) {
                    // The connection is dropped either way.
                }
            }
        }
    }

    /** Stops accepting. Safe from any thread. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // The socket is released either way.
        }
    }

    @Override
    public void shutdown() {
        close();
    }
}
