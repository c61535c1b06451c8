package dev.keyway.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Everything a process printed so far, read by a daemon thread as it comes, so that a test can
 * wait (bounded) for a prompt before it types the answer.
 */
final class ProcessTranscript {
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private boolean ended;

    private ProcessTranscript() {
    }

    /** Starts reading the process's stdout (with stderr merged into it). */
    static ProcessTranscript of(Process process) {
        ProcessTranscript transcript = new ProcessTranscript();
        Thread reader = new Thread(() -> transcript.copy(process.getInputStream()), "transcript-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return transcript;
    }

    private void copy(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (this) {
                    seen.write(buf, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process was stopped.
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** The bytes so far, as UTF-8; an invalid byte shows as U+FFFD. */
    synchronized String text() {
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code expected} was printed; fails with the transcript when the output ends or the limit passes. */
    synchronized void await(String expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!text().contains(expected)) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("'" + expected + "' never came; the process printed:\n" + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the output ended (the process closed it); false when the limit passed first. */
    synchronized boolean awaitEnd(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return ended;
    }
}
