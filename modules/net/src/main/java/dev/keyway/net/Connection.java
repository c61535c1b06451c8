package dev.keyway.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One TCP connection on an {@link EventLoop}: reads feed the driver, the driver's output is
 * written as the socket accepts it, and timers bound the handshake, silence and the final
 * flush. Other threads act on the driver through {@link #execute}.
 *
 * <p>Backpressure: the socket is read only while the driver {@linkplain
 * ProtocolDriver#wantsInput() wants input}; when the socket has taken all output, the driver
 * is told, so that it can go on. A peer that sends without reading therefore costs the
 * driver's high-water mark, one read buffer and the bytes the socket refused once (at most
 * {@link EventLoop#IO_BUFFER} bytes), and no CPU: the loop waits for the socket to drain.
 *
 * <p>Anything the driver throws, {@link Error}s included, closes this connection only, and is
 * logged at ERROR with its stack trace (logger {@code dev.keyway.net.Connection}): it is a
 * defect, which the peer sees only as "internal error".
 */
public final class Connection implements EventLoop.Ready {
    private static final System.Logger LOG = System.getLogger("dev.keyway.net.Connection");
    /** Rounds of flush-then-continue in one turn, so one busy peer cannot starve the loop's others. */
    private static final int TURNS_PER_WAKEUP = 16;

    private final EventLoop loop;
    private final SocketChannel channel;
    private final ProtocolDriver driver;
    private final SocketOption<Boolean> quickAck;
    private final ConnectionLimits limits;
    private final CompletableFuture<Connection> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Told when the handshake finished and when the connection closed; null for none. */
    private Listener.Watcher watcher;
    private InetAddress source;
    /** Bytes the socket did not take yet; null while there are none. */
    private ByteBuffer unsent;
    private SelectionKey key;
    private EventLoop.Timer handshakeTimer;
    private EventLoop.Timer idleTimer;
    private EventLoop.Timer lingerTimer;
    private long lastInput = System.nanoTime();
    private boolean established;
    private boolean open = true;

    private Connection(EventLoop loop, SocketChannel channel, ProtocolDriver driver, ConnectionLimits limits)
            throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.driver = driver;
        this.limits = limits;
        // The loop writes whole packets, and all a turn produced at once: Nagle's algorithm only
        // holds back the last small write (a KEXINIT reply, NEWKEYS, an exit status) until the
        // peer's delayed ACK, some 40 ms on Linux, at each turn of a handshake.
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.quickAck = quickAckOption(channel);
    }

    /**
     * Linux's TCP_QUICKACK ({@code jdk.net.ExtendedSocketOptions}), found by name so that no
     * module is needed where it is absent; null there.
     */
    @SuppressWarnings("unchecked")
    private static SocketOption<Boolean> quickAckOption(SocketChannel channel) {
        return (SocketOption<Boolean>) channel.supportedOptions().stream()
                .filter(o -> o.name().equals("TCP_QUICKACK") && o.type() == Boolean.class)
                .findFirst().orElse(null);
    }

    /**
     * During the handshake, acknowledges what was just read at once rather than after the
     * delayed-ACK timer. A peer whose own Nagle's algorithm holds its next small message until
     * that ACK (OpenSSH's client sends NEWKEYS and SERVICE_REQUEST as two writes) would
     * otherwise wait 40 ms. Linux leaves quick-ack mode by itself, so it is asked after each read.
     */
    private void acknowledgeNowDuringHandshake() {
        if (!established && quickAck != null) {
            try {
                channel.setOption(quickAck, true);
            } catch (IOException | UnsupportedOperationException ignored) {
                // Only a delay is lost.
            }
        }
    }

    /** Takes over an accepted socket; call on the loop's thread. */
    static Connection accepted(EventLoop loop, SocketChannel channel, ProtocolDriver driver, ConnectionLimits limits,
            Listener.Watcher watcher) throws IOException {
        Connection c = new Connection(loop, channel, driver, limits);
        c.watcher = watcher;
        c.source = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        c.key = loop.register(channel, SelectionKey.OP_READ, c);
        watcher.started(c);
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
                c.source = address.getAddress();
                c.connected.whenComplete((ok, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(ok);
                    }
                });
                c.key = loop.register(ch, SelectionKey.OP_CONNECT, c);
                c.handshakeTimer = loop.schedule(limits.handshake(), c.guarded(c::handshakeTimedOut));
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
            handshakeTimer = loop.schedule(limits.handshake(), guarded(this::handshakeTimedOut));
        }
        if (!limits.idle().isZero()) {
            idleTimer = loop.schedule(limits.idle(), guarded(this::checkIdle));
        }
        driver.start(this);
        connected.complete(this);
        afterChange();
    }

    /** Runs {@code action} on the loop's thread, then flushes what it produced. Safe from any thread. */
    public void execute(Runnable action) {
        loop.execute(guarded(action));
    }

    /**
     * Runs {@code action} on the loop's thread after {@code delay}, then flushes what it
     * produced, unless the connection closed first. Lets a driver keep protocol timers (a
     * failure delay, a keepalive) on the loop's clock. Call on the loop's thread.
     */
    public void schedule(Duration delay, Runnable action) {
        loop.schedule(delay, guarded(action));
    }

    /** {@code action}, made to do nothing once closed and to close this connection alone if it throws. */
    private Runnable guarded(Runnable action) {
        return () -> {
            if (!open) {
                return;
            }
            try {
                action.run();
                afterChange();
            } catch (Throwable t) {
                failed(t);
            }
        };
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

    /** This side's address (for a server, the address and port the client connected to), or null once closed. */
    public SocketAddress localAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** The peer's address, known even after the socket closed. */
    InetAddress sourceAddress() {
        return source;
    }

    /** When the peer last sent something, on the loop's clock. */
    long lastInputNanos() {
        return lastInput;
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
        } catch (Throwable t) {
            failed(t);
        }
    }

    /**
     * A defect in the driver (or a resource exhausted while serving this peer) ends this
     * connection alone; the loop and its other connections go on.
     */
    private void failed(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError || t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        LOG.log(System.Logger.Level.ERROR, "internal error on the connection from "
                + (source == null ? "unknown" : source.getHostAddress()), t);
        try {
            peerGone("internal error: " + t.getClass().getSimpleName());
        } catch (Throwable again) {
            closeNow();
        }
    }

    private void read() throws IOException {
        // A few reads per wakeup at most, so one busy peer cannot starve the loop's others.
        for (int i = 0; i < 4 && open && driver.wantsInput(); i++) {
            ByteBuffer in = loop.scratch().clear();
            int n = channel.read(in);
            if (n < 0) {
                peerGone("the peer closed the connection");
                return;
            }
            if (n == 0) {
                break;
            }
            lastInput = System.nanoTime();
            acknowledgeNowDuringHandshake();
            driver.onInput(in.array(), 0, n);
            afterChange();
        }
    }

    /**
     * Flushes output and lets the driver go on while the socket keeps up; then reads only if
     * the driver wants input, waits for the socket if it refused bytes, and closes when the
     * driver is finished.
     */
    private void afterChange() {
        if (!open) {
            return;
        }
        if (!established && driver.isEstablished()) {
            established = true;
            if (handshakeTimer != null) {
                handshakeTimer.cancel();
                handshakeTimer = null;
            }
            if (watcher != null) {
                watcher.finished(this);
            }
        }
        boolean drained;
        try {
            drained = flush();
            for (int turn = 0; drained && turn < TURNS_PER_WAKEUP && driver.onOutputFlushed(); turn++) {
                drained = flush();
            }
        } catch (IOException e) {
            peerGone(e.getMessage() == null ? "write failed" : e.getMessage());
            return;
        }
        if (!open) {
            return;
        }
        if (drained && driver.isFinished()) {
            closeNow();
            return;
        }
        if (!drained) {
            lingerIfFinished();
        }
        int ops = (driver.wantsInput() && !driver.isFinished() ? SelectionKey.OP_READ : 0)
                | (drained && !driver.hasOutput() ? 0 : SelectionKey.OP_WRITE);
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Writes what the driver has; false when the socket refused some (it is kept in {@link #unsent}). */
    private boolean flush() throws IOException {
        if (unsent != null) {
            channel.write(unsent);
            if (unsent.hasRemaining()) {
                return false;
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
                return false;
            }
        }
        return true;
    }

    private void lingerIfFinished() {
        if (driver.isFinished() && lingerTimer == null) {
            lingerTimer = loop.schedule(limits.linger(), guarded(this::closeNow));
        }
    }

    private void handshakeTimedOut() {
        handshakeTimer = null;
        if (!connected.isDone()) {
            connected.completeExceptionally(new IOException("connect timed out"));
            closeNow();
            return;
        }
        if (!driver.isEstablished()) {
            driver.onTimeout(ProtocolDriver.Timeout.HANDSHAKE);
        }
    }

    /** Says goodbye to make room for another connection (sshd's MaxStartups). */
    void shed() {
        if (open && !driver.isFinished()) {
            try {
                driver.onTimeout(ProtocolDriver.Timeout.SHED);
                afterChange();
            } catch (Throwable t) {
                failed(t);
            }
        }
    }

    private void checkIdle() {
        long silent = System.nanoTime() - lastInput;
        long limit = limits.idle().toNanos();
        if (silent >= limit) {
            driver.onTimeout(ProtocolDriver.Timeout.IDLE);
        } else {
            idleTimer = loop.schedule(Duration.ofNanos(limit - silent), guarded(this::checkIdle));
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
        unsent = null;
        if (!connected.isDone()) {
            connected.completeExceptionally(new IOException("closed before connecting"));
        }
        if (watcher != null) {
            watcher.closed(this);
        }
        try {
            driver.onClosed();
        } finally {
            closed.complete(null);
        }
    }

    @Override
    public void shutdown() {
        try {
            if (open) {
                driver.onPeerClosed("the event loop is closing");
            }
        } finally {
            closeNow();
        }
    }
}
