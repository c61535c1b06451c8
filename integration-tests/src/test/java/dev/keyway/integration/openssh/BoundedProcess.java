package dev.keyway.integration.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short external command with a time limit. Its output goes to a temporary file rather
 * than a pipe, so no thread is needed to drain it and a chatty process can never block on a
 * full pipe. Public for the load tests ({@code …integration.load}).
 */
public final class BoundedProcess {
    /** How long a process gets to exit after being asked to stop, before it is killed. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(5);

    public record Result(int exitCode, String output) {
    }

    private BoundedProcess() {
    }

    /** Runs {@code command} with stdin closed, stdout and stderr merged; fails past {@code limit}. */
    public static Result run(List<String> command, Duration limit) {
        Path log = null;
        Process p = null;
        try {
            log = Files.createTempFile("keyway-interop-", ".log");
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command + " did not finish within " + limit.toSeconds() + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            if (p != null) {
                stop(p);
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // A left-over temporary file is harmless.
                }
            }
        }
    }

    /**
     * Runs a process the caller prepared (its redirects and environment) and returns its exit
     * code; fails past {@code limit}, quoting stderr when it goes to a file. The process is
     * stopped in any case.
     */
    public static int run(ProcessBuilder builder, Duration limit) {
        Process p = null;
        try {
            p = builder.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                java.io.File err = builder.redirectError().file();
                throw new AssertionError(builder.command() + " did not finish within " + limit.toSeconds() + " s"
                        + (err == null ? "" : ":\n" + Files.readString(err.toPath(), StandardCharsets.UTF_8)));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("running " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + builder.command(), e);
        } finally {
            if (p != null) {
                stop(p);
            }
        }
    }

    /** Stops a process: SIGTERM, a bounded wait, then SIGKILL and another bounded wait. */
    public static void stop(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
