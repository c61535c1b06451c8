package dev.keyway.ssh;

import dev.keyway.connection.ChannelRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The handler {@code keyway server} uses: {@code exec} runs {@code /bin/sh -c COMMAND} and
 * {@code shell} runs {@code /bin/sh} (RFC 4254 §6.5), as the server's own user, with the
 * session's variables added ({@link CommandContext#environment()}: the client's {@code env},
 * the login's {@code environment=}, {@code SSH_ORIGINAL_COMMAND}). The process's stdin, stdout and stderr are copied to and from
 * the channel by three threads of this command; its exit code is the exit status.
 *
 * <p><b>Terminals.</b> After a {@code pty-req} (RFC 4254 §6.2) the command runs on a real
 * pseudo-terminal, so that an interactive shell prompts, echoes, edits lines and passes ^C on
 * as SIGINT, as under sshd. Java cannot open one itself, so util-linux {@code script}
 * (found on the {@code PATH}) does: {@code script -q -f -e -c 'stty rows R cols C; exec
 * /bin/sh' /dev/null} puts the shell (or {@code /bin/sh -c COMMAND}) on a new {@code /dev/pts}
 * device, copies between it and its own stdin and stdout (the channel), logs nothing
 * ({@code /dev/null}), and exits with the shell's status ({@code -e}). {@code TERM} comes from
 * the request, the size from its columns and rows; its encoded terminal modes (§8) are not
 * applied, the pseudo-terminal keeps Linux's defaults. Everything the terminal shows comes as
 * stdout; stderr stays empty. Each {@code window-change} (§6.7) is applied with {@code stty -F
 * /dev/pts/N}, which sends the shell's foreground job SIGWINCH; the device is found through
 * {@code /proc}, so resizing needs Linux. Without {@code script}, a shell runs as
 * {@code /bin/sh -i} on plain pipes (it prompts, but nothing echoes or edits) and sizes are
 * ignored.
 *
 * <p>A process killed by a signal N ends with exit status 128+N, as a shell's {@code $?}
 * shows it: Java's {@link Process} folds the signal into the exit value, so SystemShell cannot
 * tell it from {@code exit 137} and sends {@code exit-status}, never {@code exit-signal}.
 *
 * <p>When the channel ends first, the handler's thread is interrupted and the process killed.
 */
public final class SystemShell implements CommandHandler {
    private static final AtomicInteger COMMANDS = new AtomicInteger();
    /** The bound on a {@code stty} run to resize the terminal. */
    private static final long STTY_LIMIT_MILLIS = 5000;

    private final String shell;
    private final Optional<Path> script;
    private final Optional<String> fixedCommand;

    /** Runs commands through {@code /bin/sh}. */
    public SystemShell() {
        this("/bin/sh");
    }

    /** Runs commands through the given POSIX shell. */
    public SystemShell(String shell) {
        this(shell, onPath("script"));
    }

    /** Runs commands through {@code shell}, and those with a terminal under {@code script}, if any. */
    SystemShell(String shell, Optional<Path> script) {
        this(shell, script, Optional.empty());
    }

    private SystemShell(String shell, Optional<Path> script, Optional<String> fixedCommand) {
        this.shell = shell;
        this.script = script;
        this.fixedCommand = fixedCommand;
    }

    /**
     * A handler for a {@code subsystem} (RFC 4254 §6.5): it runs {@code commandLine} with
     * {@code /bin/sh -c} whatever the request named, as sshd_config's {@code Subsystem} does,
     * e.g. {@code SystemShell.subsystem("/usr/lib/openssh/sftp-server")} for {@code sftp}.
     */
    public static SystemShell subsystem(String commandLine) {
        if (commandLine.isBlank()) {
            throw new IllegalArgumentException("a subsystem needs a command line");
        }
        return new SystemShell("/bin/sh", onPath("script"), Optional.of(commandLine));
    }

    /** For a {@link #subsystem}, the command line it runs. */
    @Override
    public Optional<String> commandLine() {
        return fixedCommand;
    }

    @Override
    public int run(CommandContext context) throws IOException, InterruptedException {
        Optional<ChannelRequest.PtyRequest> pty = context.pty();
        String command = fixedCommand.orElse(context.command());
        ProcessBuilder builder = new ProcessBuilder(pty.isPresent() ? onTerminal(command, pty.get()) : plain(command));
        builder.environment().putAll(context.environment());
        pty.map(ChannelRequest.PtyRequest::term).filter(t -> !t.isEmpty())
                .ifPresent(t -> builder.environment().put("TERM", t));
        if (pty.isPresent() && script.isPresent()) {
            builder.environment().put("SHELL", shell); // script runs its -c command with $SHELL
        }
        Process process = builder.start();
        String name = "keyway-shell-" + COMMANDS.incrementAndGet();
        Thread stdin = copier(name + "-stdin", context.stdin(), process.getOutputStream(), process);
        Thread stdout = copier(name + "-stdout", process.getInputStream(), context.stdout(), process);
        Thread stderr = copier(name + "-stderr", process.getErrorStream(), context.stderr(), process);
        Thread resizer = pty.isPresent() && script.isPresent() ? resizer(name + "-resize", process, context) : null;
        try {
            int status = process.waitFor();
            // The output pipes end once every process holding them exits; then all is sent.
            stdout.join();
            stderr.join();
            return status;
        } finally {
            stop(process);
            // The client may never close its stdin; the command is over, so stop reading it.
            stdin.interrupt();
            if (resizer != null) {
                resizer.interrupt();
                resizer.join(1000);
            }
            stdin.join(1000);
            stdout.join(1000);
            stderr.join(1000);
        }
    }

    private List<String> plain(String command) {
        return command.isEmpty() ? List.of(shell) : List.of(shell, "-c", command);
    }

    /** The command line that runs {@code command} (or the shell) on a new pseudo-terminal. */
    private List<String> onTerminal(String command, ChannelRequest.PtyRequest pty) {
        if (script.isEmpty()) {
            return command.isEmpty() ? List.of(shell, "-i") : plain(command);
        }
        String size = isSize(pty.columns()) && isSize(pty.rows())
                ? "stty rows " + pty.rows() + " cols " + pty.columns() + " 2>/dev/null; " : "";
        String run = "exec " + quoted(shell) + (command.isEmpty() ? "" : " -c " + quoted(command));
        return List.of(script.get().toString(), "-q", "-f", "-e", "-c", size + run, "/dev/null");
    }

    /** A terminal size the kernel takes (an unsigned short, RFC 4254 sends a uint32); 0 is unknown. */
    private static boolean isSize(int value) {
        return value > 0 && value <= 0xFFFF;
    }

    /** {@code s} as one word for a POSIX shell. */
    static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            // An empty entry means the working directory: not a place to take a program from.
            Path candidate = dir.isEmpty() ? null : Path.of(dir, program);
            if (candidate != null && Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A thread that applies the client's window changes to the terminal of {@code script}'s
     * child until the channel or the command is over.
     */
    private static Thread resizer(String name, Process script, CommandContext context) {
        Thread t = new Thread(() -> {
            try {
                for (Optional<ChannelRequest.WindowChange> size; (size = context.awaitWindowChange()).isPresent(); ) {
                    resize(script, size.get());
                }
            } catch (InterruptedException e) {
                // The command is over.
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Sets the size of the terminal {@code script} made with {@code stty -F}, if the device is found. */
    private static void resize(Process script, ChannelRequest.WindowChange size) throws InterruptedException {
        if (!isSize(size.columns()) || !isSize(size.rows())) {
            return;
        }
        Optional<String> device = Optional.empty();
        // script forks the shell just after it starts: wait a moment for the child to be there.
        for (int tries = 0; device.isEmpty() && tries < 20 && script.isAlive(); tries++) {
            device = terminalOf(script);
            if (device.isEmpty()) {
                Thread.sleep(50);
            }
        }
        if (device.isEmpty()) {
            return;
        }
        try {
            Process stty = new ProcessBuilder("stty", "-F", device.get(), "rows", Integer.toString(size.rows()),
                    "cols", Integer.toString(size.columns())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(STTY_LIMIT_MILLIS, TimeUnit.MILLISECONDS)) {
                stty.destroyForcibly();
            }
        } catch (IOException e) {
            // No stty: the terminal keeps its size.
        }
    }

    /** The {@code /dev/pts} device of {@code script}'s child, read from {@code /proc/PID/fd}. */
    private static Optional<String> terminalOf(Process script) {
        return script.children().flatMap(child -> Stream.of("0", "1", "2").map(fd -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", Long.toString(child.pid()), "fd", fd)).toString();
            } catch (IOException | UnsupportedOperationException e) {
                return "";
            }
        })).filter(link -> link.startsWith("/dev/pts/")).findFirst();
    }

    /**
     * Kills the process and every process it started. Children go first, while they are still
     * its descendants: one that outlived the shell ({@code sh -c 'sleep 30 &'}) would hold the
     * output pipes open, and the copiers with them. A child the shell forks in the instant
     * between the two is no longer its descendant once the shell is gone and keeps running, as
     * sshd leaves such processes too; the copier reading its pipe ends when it does.
     */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** As much as one channel data message carries at most (32 KiB, RFC 4253 §6.1), in one read of a pipe. */
    private static final int COPY_BUFFER = 32 * 1024;

    /**
     * A thread that copies {@code from} to {@code to} and then closes {@code to}. Each piece is
     * flushed as it comes: the process's stdin is buffered, and an interactive shell must see
     * a line when it is typed, not when the client ends its input. If writing to the channel
     * fails (the client went away), the process is killed, as a pipe's reader closing would
     * end it.
     */
    private static Thread copier(String name, InputStream from, OutputStream to, Process process) {
        Thread t = new Thread(() -> {
            try (from; to) {
                byte[] buf = new byte[COPY_BUFFER];
                for (int n; (n = from.read(buf)) >= 0; ) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
