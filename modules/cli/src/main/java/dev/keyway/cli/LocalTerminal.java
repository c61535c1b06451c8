package dev.keyway.cli;

import dev.keyway.ssh.Terminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * The terminal {@code keyway ssh} runs on, handled as ssh(1) handles it: its {@code TERM} and
 * size go into the {@code pty-req} (RFC 4254 §6.2), it is in raw mode while a remote terminal
 * interprets the keys, and its saved mode comes back at the end, also when the JVM is stopped
 * by a signal. Java has no termios, so {@code stty} does the work on our own stdin, which it
 * inherits: like OpenSSH, nothing is done to a terminal that is not our stdin.
 */
final class LocalTerminal {
    /** The bound on one {@code stty} run; it only makes a system call or two. */
    private static final long STTY_LIMIT_SECONDS = 5;

    private final String saved;
    private Thread restorer;

    private LocalTerminal(String saved) {
        this.saved = saved;
    }

    /** Whether our stdin is a terminal, as {@code isatty(0)}: {@code test -t 0} on the inherited stdin. */
    static boolean stdinIsTerminal() {
        return run(List.of("/bin/sh", "-c", "test -t 0")).isPresent();
    }

    /** Our stdin's terminal with its current mode saved ({@code stty -g}), if stdin is one. */
    static Optional<LocalTerminal> open() {
        return run(List.of("stty", "-g")).map(String::strip).filter(s -> !s.isEmpty()).map(LocalTerminal::new);
    }

    /**
     * What to ask the server for: {@code TERM} from our environment (empty when unset, as
     * OpenSSH sends it), the size of our stdin's terminal (0x0 when it has none), and the
     * server's default modes (only {@code TTY_OP_END}).
     */
    static Terminal request() {
        int[] size = size();
        return Terminal.of(Optional.ofNullable(System.getenv("TERM")).orElse(""), size[1], size[0]);
    }

    /** Rows and columns of our stdin's terminal ({@code stty size}); 0 and 0 when unknown. */
    static int[] size() {
        Optional<String> size = run(List.of("stty", "size"));
        if (size.isPresent()) {
            String[] words = size.get().strip().split("\\s+");
            try {
                if (words.length == 2) {
                    return new int[] {Integer.parseInt(words[0]), Integer.parseInt(words[1])};
                }
            } catch (NumberFormatException e) {
                // Not what stty prints: no size then.
            }
        }
        return new int[] {0, 0};
    }

    /**
     * Calls {@code listener} with the new rows and columns whenever the terminal is resized
     * (SIGWINCH, on a thread of its own). Where the JVM knows no such signal, or sun.misc is
     * not visible (an OSGi framework that does not export it), nothing happens.
     */
    static void onResize(Consumer<int[]> listener) {
        try {
            Signal.handle(new Signal("WINCH"), signal -> listener.accept(size()));
        } catch (IllegalArgumentException | NoClassDefFoundError unsupported) {
            // Not a POSIX system, or no sun.misc here: the size stays as it started.
        }
    }

    /**
     * Raw mode without echo ({@code stty raw -echo}): every key goes to the server as typed,
     * ^C included, and the remote terminal echoes. The saved mode comes back on {@link
     * #restore()} or, failing that, when the JVM shuts down.
     */
    void enterRawMode() {
        restorer = new Thread(this::restoreMode, "keyway-ssh-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restorer);
        run(List.of("stty", "raw", "-echo"));
    }

    /** Puts the saved mode back ({@code stty SAVED}). */
    void restore() {
        restoreMode();
        if (restorer != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(restorer);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway; setting the mode twice is harmless.
            }
        }
    }

    private void restoreMode() {
        run(List.of("stty", saved));
    }

    /**
     * Runs {@code command} on our stdin; its stdout if it exited with 0. Its stderr is dropped:
     * a stdin that is no terminal makes stty complain, and that is an answer, not an error.
     */
    private static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            // A few bytes at most, which the pipe holds: wait first, so that an stty stopped
            // by SIGTTOU (keyway in the background) cannot hold us.
            if (!p.waitFor(STTY_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
