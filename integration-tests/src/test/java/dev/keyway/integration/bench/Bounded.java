package dev.keyway.integration.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounds on the benchmark's waits, so that a stuck transfer fails instead of hanging the run. */
final class Bounded {
    /** Slower than this is a hang, not a measurement. */
    private static final long SLOWEST_BYTES_PER_SECOND = 4_000_000;

    private Bounded() {
    }

    /** A minute for connecting and the rest, plus the transfer at 4 MB/s. */
    static Duration transferLimit(long bytes) {
        return Duration.ofSeconds(60 + bytes / SLOWEST_BYTES_PER_SECOND);
    }

    /**
     * Runs {@code work} on a thread of its own and waits for it at most {@code limit}; past
     * that it is interrupted and the caller gets an exception (the client it used is closed
     * at the end of the run, which ends a read that ignores the interrupt).
     */
    static <T> T call(Duration limit, Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-bounded");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> result = thread.submit(work);
            try {
                return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new IllegalStateException("did not finish within " + limit.toSeconds() + " s", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } finally {
            thread.shutdownNow();
        }
    }
}
