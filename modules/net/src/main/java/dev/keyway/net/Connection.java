package dev.keyway.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * One TCP connection on an {@link EventLoop}: reads feed the driver, the driver's output is
 * written as the socket accepts it, and timers bound the handshake, silence and the final
 * flush. Other threads act on the driver through {@link #execute}.
 */
public final class Connection implements EventLoop.Ready {

    private final EventLoop loop;
    private final SocketChannel channel;
    private final ProtocolDriver driver;
    private final ConnectionLimits limits;
    private final CompletableFuture<Connection> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Bytes the socket did not take yet; null while there are none. */
    private ByteBuffer unsent;
    private SelectionKey key;
    private EventLoop.Timer handshakeTimer;
    private EventLoop.Timer idleTimer;
    private EventLoop.Timer lingerTimer;
    private long lastInput = System.nanoTime();
    private boolean open = true;

    private Connection(EventLoop loop, SocketChannel channel, ProtocolDriver driver, ConnectionLimits limits) {
        this.loop = loop;
        this.channel = channel;
        this.driver = driver;
        this.limits = limits;
    }

    /** Takes over an accepted socket; call on the loop's thread. */
    static Connection accepted(EventLoop loop, SocketChannel channel, ProtocolDriver driver, ConnectionLimits limits)
            throws IOException {
        Connection c = new Connection(loop, channel, driver, limits);
        c.key = loop.register(channel, SelectionKey.OP_READ, c);
        c.started();
        return c;
    }

    /**
     * Connects to {@code address} without blocking; the future completes once TCP is up (the
     * handshake timeout covers the connect too).
     */
    public static CompletableFuture<Connection> connect(EventLoop loop, InetSocketAddress address,
            ProtocolDriver driver, ConnectionLimits limits) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                SocketChannel ch = SocketChannel.open();
                Connection c = new Connection(loop, ch, driver, limits);
                c.connected.whenComplete((ok, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(ok);
                    }
                });
                c.key = loop.register(ch, SelectionKey.OP_CONNECT, c);
                c.handshakeTimer = loop.schedule(limits.handshake(), c::handshakeTimedOut);
                if (ch.connect(address)) {
                    c.finishConnect();
                }
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void finishConnect() throws IOException {
        channel.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        started();
    }

    private void started() {
        if (handshakeTimer == null) {
            handshakeTimer = loop.schedule(limits.handshake(), this::handshakeTimedOut);
        }
        if (!limits.idle().isZero()) {
            idleTimer = loop.schedule(limits.idle(), this::checkIdle);
        }
        driver.start(this);
        connected.complete(this);
        afterChange();
    }

    /** Runs {@code action} on the loop's thread, then flushes what it produced. Safe from any thread. */
    public void execute(Runnable action) {
        loop.execute(() -> runGuarded(action));
    }

    /**
     * Runs {@code action} on the loop's thread after {@code delay}, then flushes what it
     * produced, unless the connection closed first. Lets a driver keep protocol timers (a
     * login grace time) on the loop's clock. Call on the loop's thread.
     */
    public void schedule(java.time.Duration delay, Runnable action) {
        loop.schedule(delay, () -> runGuarded(action));
    }

    private void runGuarded(Runnable action) {
        if (!open) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            // As in ready(): a defect in one driver must not end the loop's other connections.
            peerGone("internal error: " + e.getClass().getSimpleName());
            return;
        }
        afterChange();
    }

    /** Closes the socket at once, without a goodbye. Safe from any thread. */
    public void close() {
        loop.execute(this::closeNow);
    }

    /** Completes when the socket is closed and the driver has been told. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public SocketAddress remoteAddress() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void ready(SelectionKey k) {
        try {
            if (k.isConnectable()) {
                finishConnect();
                return;
            }
            if (k.isReadable()) {
                read();
            }
            if (open && k.isValid() && k.isWritable()) {
                afterChange();
            }
        } catch (IOException e) {
            if (!connected.isDone()) {
                connected.completeExceptionally(e);
            }
            peerGone(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (RuntimeException e) {
            // A defect in a driver must not take down the loop and every other connection on it.
            peerGone("internal error: " + e.getClass().getSimpleName());
        }
    }

    private void read() throws IOException {
        // A few reads per wakeup at most, so one busy peer cannot starve the loop's others.
        for (int i = 0; i < 4 && open; i++) {
            ByteBuffer in = loop.scratch().clear();
            int n = channel.read(in);
            if (n < 0) {
                peerGone("the peer closed the connection");
                return;
            }
            if (n == 0) {
                return;
            }
            lastInput = System.nanoTime();
            driver.onInput(in.array(), 0, n);
            afterChange();
        }
    }

    /** Flushes output, stops the handshake timer once established, closes when finished. */
    private void afterChange() {
        if (!open) {
            return;
        }
        if (handshakeTimer != null && driver.isEstablished()) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        try {
            if (unsent != null) {
                channel.write(unsent);
                if (unsent.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    lingerIfFinished();
                    return;
                }
                unsent = null;
            }
            while (driver.hasOutput()) {
                ByteBuffer out = loop.scratch().clear();
                driver.drainOutput(out);
                out.flip();
                channel.write(out);
                if (out.hasRemaining()) {
                    unsent = ByteBuffer.allocate(out.remaining()).put(out).flip();
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    lingerIfFinished();
                    return;
                }
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            peerGone(e.getMessage() == null ? "write failed" : e.getMessage());
            return;
        }
        if (driver.isFinished()) {
            closeNow();
        }
    }

    private void lingerIfFinished() {
        if (driver.isFinished() && lingerTimer == null) {
            lingerTimer = loop.schedule(limits.linger(), this::closeNow);
        }
    }

    private void handshakeTimedOut() {
        handshakeTimer = null;
        if (!connected.isDone()) {
            connected.completeExceptionally(new IOException("connect timed out"));
            closeNow();
            return;
        }
        if (open && !driver.isEstablished()) {
            driver.onTimeout(ProtocolDriver.Timeout.HANDSHAKE);
            afterChange();
        }
    }

    private void checkIdle() {
        if (!open) {
            return;
        }
        long silent = System.nanoTime() - lastInput;
        long limit = limits.idle().toNanos();
        if (silent >= limit) {
            driver.onTimeout(ProtocolDriver.Timeout.IDLE);
            afterChange();
        } else {
            idleTimer = loop.schedule(java.time.Duration.ofNanos(limit - silent), this::checkIdle);
        }
    }

    private void peerGone(String why) {
        if (open) {
            driver.onPeerClosed(why);
            closeNow();
        }
    }

    private void closeNow() {
        if (!open) {
            return;
        }
        open = false;
        for (EventLoop.Timer t : new EventLoop.Timer[] {handshakeTimer, idleTimer, lingerTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
        if (!connected.isDone()) {
            connected.completeExceptionally(new IOException("closed before connecting"));
        }
        driver.onClosed();
        closed.complete(null);
    }

    @Override
    public void shutdown() {
        if (open) {
            driver.onPeerClosed("the event loop is closing");
        }
        closeNow();
    }
}
