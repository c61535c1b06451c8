package dev.keyway.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One thread that does the socket I/O and runs the timers of the connections registered with
 * it. Everything a connection's engine does happens on this thread, so engines need no locks;
 * other threads hand work over with {@link #execute}. Closing the loop closes every channel it
 * owns and ends its thread.
 *
 * <p>Nothing one connection does ends the loop: a connection catches what its driver throws
 * and closes alone, and the loop itself catches whatever escapes a ready channel, a task or a
 * timer, so that the listener and every other connection go on.
 */
public final class EventLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.keyway.net.EventLoop");
    private static final Duration JOIN_BOUND = Duration.ofSeconds(10);
    /** The size of the loop's one read and write buffer: what a connection reads or writes at a time. */
    static final int IO_BUFFER = 64 * 1024;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    /**
     * One buffer for every connection's reads and writes: only this thread uses it, and a
     * connection keeps bytes of its own only when the socket does not take them all. This is
     * what keeps an idle connection small.
     */
    private final java.nio.ByteBuffer scratch = java.nio.ByteBuffer.allocate(IO_BUFFER);
    private volatile boolean running = true;

    private EventLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts a loop on a new daemon thread with the given name. */
    public static EventLoop start(String name) {
        try {
            EventLoop loop = new EventLoop(name);
            loop.thread.start();
            return loop;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Runs {@code task} on the loop's thread, soon. Safe from any thread. */
    public void execute(Runnable task) {
        if (!running) {
            throw new IllegalStateException("event loop closed");
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Whether the caller is the loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop after {@code delay}; call on the loop's thread. */
    Timer schedule(Duration delay, Runnable task) {
        assert inLoop();
        Timer t = new Timer(System.nanoTime() + delay.toNanos(), task);
        timers.add(t);
        return t;
    }

    /** The loop's shared I/O buffer; use on the loop's thread, and only within one call. */
    java.nio.ByteBuffer scratch() {
        assert inLoop();
        return scratch;
    }

    /** Registers a channel; call on the loop's thread. */
    SelectionKey register(SelectableChannel channel, int ops, Ready handler) throws IOException {
        assert inLoop();
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    /** What a registered channel does when the selector says it is ready. */
    interface Ready {
        void ready(SelectionKey key);

        /** The loop is closing: release the channel. */
        void shutdown();
    }

    private void run() {
        try {
            while (running) {
                long wait = runDueTimers();
                if (!tasks.isEmpty()) {
                    selector.selectNow();
                } else if (wait < 0) {
                    selector.select();
                } else {
                    selector.select(wait);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid()) {
                        survive(() -> ((Ready) key.attachment()).ready(key));
                    }
                }
                selector.selectedKeys().clear();
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    survive(task);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            running = false;
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((Ready) key.attachment()).shutdown();
            }
            tasks.clear();
            try {
                selector.close();
            } catch (IOException ignored) {
                // Nothing is left to release.
            }
        }
    }

    /** Runs the timers that are due; returns milliseconds until the next one, or -1 if none. */
    private long runDueTimers() {
        while (!timers.isEmpty()) {
            Timer next = timers.peek();
            if (next.task == null) {
                timers.poll();
                continue;
            }
            long left = next.deadline - System.nanoTime();
            if (left > 0) {
                return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
            }
            timers.poll();
            Runnable task = next.task;
            next.task = null;
            survive(task);
        }
        return -1;
    }

    /**
     * Runs one piece of work so that nothing it throws ends the loop: connections guard their
     * own work; this is the last line for what escapes them.
     */
    private static void survive(Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError || t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            LOG.log(System.Logger.Level.ERROR, "the event loop caught what a task threw", t);
        }
    }

    /** Stops the loop, closes every channel it owns and waits (bounded) for its thread to end. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(JOIN_BOUND.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the loop's thread has ended. */
    public boolean isTerminated() {
        return !thread.isAlive();
    }

    /**
     * A task due at a point in time. Cancelling drops the task at once, so that a closed
     * connection its closure holds is not kept alive until the deadline; the empty timer is
     * dropped when it comes up.
     */
    static final class Timer implements Comparable<Timer> {
        private final long deadline;
        private Runnable task;

        Timer(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        void cancel() {
            task = null;
        }

        @Override
        public int compareTo(Timer o) {
            return Long.compare(deadline, o.deadline);
        }
    }
}
