package dev.keyway.integration.osgi;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits, bounded, for something the framework does on its own threads (Declarative Services
 * binding a new service, a server component restarting). The bound only turns a hang into a
 * failure; no test asserts on time.
 */
final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Polls {@code condition} until it holds; the last exception it threw explains a failure. */
    static void until(String what, Callable<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        Exception last = null;
        while (System.nanoTime() - end < 0) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what, last);
    }
}
