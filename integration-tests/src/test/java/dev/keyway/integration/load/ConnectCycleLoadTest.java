package dev.keyway.integration.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.TransportEvent;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Connect, log in (publickey), run {@code true}, disconnect: 2,000 times (10,000 under {@link
 * LoadScale#soak()}), four at a time, with one Keyway client against one server in this JVM.
 * Threads, open descriptors and the heap after a full collection are measured before, after a
 * warm-up of 500 cycles (which loads the classes, compiles the hot code and fills the thread
 * pools), and at the end, once the server has seen every session end. From the warm-up to the
 * end they may grow only within these tolerances:
 *
 * <ul>
 *   <li>threads: the server's authentication pool (4) and its command threads (at most one per
 *       worker, 4), whose idle threads stay for 10 s or go; a thread leaked per cycle would
 *       add 1,500;
 *   <li>descriptors: the sockets of the last four sessions (two each), in case their close is
 *       still on its way when the server has seen them end; a socket leaked per cycle would
 *       add 1,500 (the growth measured: none);
 *   <li>heap: 1 MiB, some forty times the growth measured (7 to 27 KiB), yet a sixteenth of
 *       what a session left behind per cycle would add (about 11 KiB a side, the footprint
 *       {@code IdleSessionFootprint} measures, times 1,500); in the soak, anything above about
 *       110 bytes per cycle fails.
 * </ul>
 */
class ConnectCycleLoadTest {
    private static final int CYCLES = LoadScale.pick(2_000, 10_000);
    private static final int WARM_UP = 500;
    private static final int PARALLEL = 4;
    private static final Duration LIMIT = Duration.ofMinutes(LoadScale.pick(3, 15));
    /** The server's authentication threads (its default, set here for the tolerance). */
    private static final int AUTHENTICATION_THREADS = 4;
    private static final long HEAP_TOLERANCE = 1024 * 1024;

    @Test
    void cyclesLeaveNoThreadDescriptorOrHeapBehind() throws Exception {
        assumeTrue(Files.isDirectory(Footprint.DESCRIPTORS), "needs /proc/self/fd (Linux) to count descriptors");
        AtomicInteger ended = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try (QuietServerLog quiet = new QuietServerLog();
                EchoServer server = EchoServer.start(b -> b.authenticationThreads(AUTHENTICATION_THREADS)
                        .transportObserver(e -> {
                            if (e instanceof TransportEvent.Disconnected) {
                                ended.incrementAndGet();
                            }
                        }));
                SshClient client = server.client().timeout(LIMIT).build()) {
            Footprint before = Footprint.measure();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            cycles(client, server, WARM_UP, threads, deadline);
            awaitEnded(ended, WARM_UP, deadline);
            Footprint warm = Footprint.measure();
            long start = System.nanoTime();
            cycles(client, server, CYCLES - WARM_UP, threads, deadline);
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitEnded(ended, CYCLES, deadline);
            Footprint end = Footprint.measure();
            System.out.printf("%d connect/login/exec/disconnect cycles, %d at a time: %.1f cycles/s%n"
                    + "  before:  %s%n  warm:    %s%n  end:     %s%n",
                    CYCLES, PARALLEL, (CYCLES - WARM_UP) / seconds, before, warm, end);
            assertTrue(end.threads() <= warm.threads() + AUTHENTICATION_THREADS + PARALLEL,
                    "threads: " + warm + " -> " + end);
            assertTrue(end.descriptors() <= warm.descriptors() + 2 * PARALLEL, "descriptors: " + warm + " -> " + end);
            assertTrue(end.heapAfterGc() <= warm.heapAfterGc() + HEAP_TOLERANCE, "heap: " + warm + " -> " + end);
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void cycles(SshClient client, EchoServer server, int count, ExecutorService threads, long deadline)
            throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            workers.add(threads.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    try (ClientSession session = server.login(client)) {
                        RemoteProcess ok = session.exec("true");
                        assertEquals(0, ok.waitFor(LIMIT));
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Waits until the server has seen {@code count} sessions end (each one's DISCONNECT). */
    private static void awaitEnded(AtomicInteger ended, int count, long deadline) throws InterruptedException {
        while (ended.get() < count) {
            assertTrue(System.nanoTime() - deadline < 0,
                    "the server saw " + ended.get() + " of " + count + " sessions end");
            Thread.sleep(10);
        }
    }
}
