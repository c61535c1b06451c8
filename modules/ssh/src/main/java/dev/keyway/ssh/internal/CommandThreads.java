package dev.keyway.ssh.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run embedder code off the network thread: command handlers, at most
 * {@code max} at once and none kept when idle for long (a command beyond the bound is refused,
 * its request gets CHANNEL_FAILURE, so a client cannot pile up work the server has no thread
 * for), and authentication checks, a few threads with a bounded queue.
 */
public final class CommandThreads {
    private CommandThreads() {
    }

    public static ExecutorService bounded(String namePrefix, int max) {
        return new ThreadPoolExecutor(0, max, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), named(namePrefix));
    }

    /**
     * At most {@code threads} at once and {@code waiting} tasks queued behind them; a task
     * beyond both is rejected. For short checks (authentication), which may wait a little.
     */
    public static ExecutorService queued(String namePrefix, int threads, int waiting) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(waiting), named(namePrefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static java.util.concurrent.ThreadFactory named(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, namePrefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
