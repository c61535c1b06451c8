package dev.keyway.integration.openssh;

import java.time.Duration;

/**
 * A bound on a wait, so that no test can hang: every loop that waits for a peer checks one.
 * It measures with {@link System#nanoTime()} and is never asserted on; running out only turns
 * a hang into a failure with a message.
 */
public final class Deadline {
    private final long end;
    private final Duration limit;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    /** A length of time from which deadlines start. */
    public record Limit(Duration duration) {
        public static Limit ofSeconds(long s) {
            return new Limit(Duration.ofSeconds(s));
        }

        public Deadline start() {
            return new Deadline(duration);
        }
    }

    boolean expired() {
        return System.nanoTime() - end >= 0;
    }

    /** Milliseconds left, at least 1 (0 would mean "forever" to socket timeouts). */
    public int remainingMillis() {
        long ms = (end - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    public Duration limit() {
        return limit;
    }

    /** Sleeps a little while polling something outside this JVM (a log file). */
    void pause(long millis) {
        try {
            Thread.sleep(Math.min(millis, remainingMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
