package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Takes a server's algorithm snapshots on a thread of their own, never the network thread: the
 * source may be the embedder's code (a Guice provider, an OSGi tracker, their own class), and
 * the loop must not wait on it.
 *
 * <p>Connections accepted while no snapshot is being taken share the next one: it is taken
 * after each of them arrived, so each still gets the algorithms of the moment it started, and
 * a burst of connections costs one snapshot, not one each. At most one snapshot runs and one
 * waits, so the thread's queue stays bounded whatever the peers do.
 */
final class SourceSnapshots {
    private final AlgorithmSource source;
    private final ExecutorService thread = CommandThreads.queued("keyway-algorithms-", 1, 1);
    /** The snapshot that waits for its turn, shared by the connections that asked since the last one started. */
    private CompletableFuture<AlgorithmRegistry> next;

    SourceSnapshots(AlgorithmSource source) {
        this.source = source;
    }

    /** A snapshot taken after this call; completes on the snapshot thread. Any thread. */
    synchronized CompletableFuture<AlgorithmRegistry> next() {
        if (next == null) {
            next = new CompletableFuture<>();
            try {
                thread.execute(this::take);
            } catch (RejectedExecutionException closed) {
                next.completeExceptionally(closed);
                CompletableFuture<AlgorithmRegistry> refused = next;
                next = null;
                return refused;
            }
        }
        return next;
    }

    private void take() {
        CompletableFuture<AlgorithmRegistry> mine;
        synchronized (this) {
            mine = next;
            next = null;
        }
        try {
            mine.complete(source.snapshot());
        } catch (Throwable e) {
            // The connections that waited for it are closed, each logging why.
            mine.completeExceptionally(e);
        }
    }

    /** Ends the thread; a connection still waiting is closed by its loop. */
    void close() {
        thread.shutdownNow();
    }
}
