package dev.keyway.integration.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this JVM holds at one moment: live threads, open file descriptors ({@code /proc/self/fd},
 * Linux) and the heap in use right after a full collection.
 *
 * @param threads live threads (ThreadMXBean), daemons included
 * @param descriptors open file descriptors, sockets and the selectors' epoll instances included
 * @param heapAfterGc bytes of heap in use after {@code System.gc()}: the least of three tries,
 *     since another thread may allocate between a collection and the reading
 */
record Footprint(int threads, long descriptors, long heapAfterGc) {
    static final Path DESCRIPTORS = Path.of("/proc/self/fd");

    static Footprint measure() {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return new Footprint(ManagementFactory.getThreadMXBean().getThreadCount(), openDescriptors(), heap);
    }

    /** The descriptors open now, not counting the one this listing opens itself. */
    static long openDescriptors() {
        try (Stream<Path> open = Files.list(DESCRIPTORS)) {
            return open.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return threads + " threads, " + descriptors + " descriptors, " + heapAfterGc / 1024 + " KiB heap after GC";
    }
}
