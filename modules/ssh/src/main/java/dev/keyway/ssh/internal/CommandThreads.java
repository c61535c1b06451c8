package dev.keyway.ssh.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run command handlers: at most {@code max} at once, none kept when idle for
 * long. A command beyond the bound is refused (its request gets CHANNEL_FAILURE) rather than
 * queued, so a client cannot pile up work the server has no thread for.
 */
public final class CommandThreads {
    private CommandThreads() {
    }

    public static ExecutorService bounded(String namePrefix, int max) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, max, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, namePrefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
