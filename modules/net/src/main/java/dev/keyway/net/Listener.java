package dev.keyway.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A listening socket on an {@link EventLoop}: each accepted connection gets a new driver from
 * the factory. Before that, the source must be admitted (a penalised address is refused) and
 * the {@link StartupLimits} must allow one more connection without a finished handshake.
 * Closing the listener stops accepting; connections already accepted go on until they end or
 * their loop closes.
 *
 * <p>The kernel's listen queue is as deep as the system allows, so that a burst of
 * connections waits there for the loop instead of being dropped, and MaxStartups, not the
 * queue, decides which connections stay.
 *
 * <p>When {@code accept} fails (no descriptor left, {@code EMFILE}), the listener stops asking
 * for a while, doubling the pause up to a second, instead of letting the selector report the
 * same pending connection again at once and spin.
 */
public final class Listener implements EventLoop.Ready, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.keyway.net.Listener");
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /**
     * The listen queue: as deep as the system allows, which caps it (Linux: net.core.somaxconn,
     * 4096 since 5.4). Java's default, 50, overflows as soon as a burst outruns the loop's
     * accepts, and the kernel then drops SYNs, which clients resend only after a second (and
     * then twice as long each time): a real client caught in a flood of silent ones waits that
     * long before MaxStartups can even see it. Taken and shed is quicker than dropped.
     */
    private static final int LISTEN_BACKLOG = Integer.MAX_VALUE;

    private final EventLoop loop;
    private final ServerSocketChannel server;
    private final Supplier<? extends ProtocolDriver> drivers;
    private final ConnectionLimits limits;
    private final Predicate<InetAddress> admission;
    private final Startups startups;
    private final Watcher watcher = new Watcher();
    private SelectionKey key;
    private Duration pause = Duration.ZERO;

    private Listener(EventLoop loop, ServerSocketChannel server, Supplier<? extends ProtocolDriver> drivers,
            ConnectionLimits limits, StartupLimits startupLimits, Predicate<InetAddress> admission) {
        this.loop = loop;
        this.server = server;
        this.drivers = drivers;
        this.limits = limits;
        this.admission = admission;
        this.startups = new Startups(startupLimits, new SecureRandom());
    }

    /** Binds {@code address} (port 0 picks a free one) and starts accepting, with sshd's default startup limits. */
    public static Listener bind(EventLoop loop, InetSocketAddress address, Supplier<? extends ProtocolDriver> drivers,
            ConnectionLimits limits) throws IOException {
        return bind(loop, address, drivers, limits, StartupLimits.defaults(), source -> true);
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and starts accepting.
     *
     * @param admission whether a source address may connect at all now (false: the socket is
     *        closed at once, as sshd does for a penalised source)
     */
    public static Listener bind(EventLoop loop, InetSocketAddress address, Supplier<? extends ProtocolDriver> drivers,
            ConnectionLimits limits, StartupLimits startupLimits, Predicate<InetAddress> admission) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(address, LISTEN_BACKLOG);
            Listener l = new Listener(loop, ch, drivers, limits, startupLimits, admission);
            CompletableFuture<Void> registered = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    l.key = loop.register(ch, SelectionKey.OP_ACCEPT, l);
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
    public void ready(SelectionKey k) {
        for (int i = 0; i < 16; i++) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                backOff(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            pause = Duration.ZERO;
            try {
                take(accepted);
            } catch (Throwable t) {
                closeQuietly(accepted);
                if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) {
                    throw (VirtualMachineError) t;
                }
            }
        }
    }

    private void take(SocketChannel accepted) throws IOException {
        InetAddress source = ((InetSocketAddress) accepted.getRemoteAddress()).getAddress();
        if (!admission.test(source)) {
            LOG.log(Level.INFO, "refused a connection from {0}: penalised", source.getHostAddress());
            closeQuietly(accepted);
            return;
        }
        Startups.Decision d = startups.admit(source, System.nanoTime());
        if (d instanceof Startups.Decision.Refuse) {
            LOG.log(Level.INFO, "refused a connection from {0}: {1} connections have not logged in (MaxStartups)",
                    source.getHostAddress(), startups.size());
            closeQuietly(accepted);
            return;
        }
        if (d instanceof Startups.Decision.Shed shed) {
            LOG.log(Level.INFO, "shed the silent connection from {0} for one from {1} (MaxStartups)",
                    shed.victim().sourceAddress().getHostAddress(), source.getHostAddress());
            startups.remove(shed.victim());
            shed.victim().shed();
        }
        Connection.accepted(loop, accepted, drivers.get(), limits, watcher);
    }

    /** No descriptor (or another failure): stop accepting for a while rather than spin. */
    private void backOff(IOException e) {
        pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
        LOG.log(Level.WARNING, "accept failed ({0}); pausing {1} ms", e.getMessage(), pause.toMillis());
        if (key != null && key.isValid()) {
            key.interestOps(0);
            loop.schedule(pause, () -> {
                if (key.isValid()) {
                    key.interestOps(SelectionKey.OP_ACCEPT);
                }
            });
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // The connection is dropped either way.
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

    /** How a connection tells its listener that its handshake finished or that it closed. */
    final class Watcher {
        void started(Connection c) {
            startups.add(c);
        }

        void finished(Connection c) {
            startups.remove(c);
        }

        void closed(Connection c) {
            startups.remove(c);
        }
    }
}
