package dev.keyway.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler {@code keyway server} uses: {@code exec} runs {@code /bin/sh -c COMMAND} and
 * {@code shell} runs {@code /bin/sh} (RFC 4254 §6.5), as the server's own user, with the
 * client's {@code env} added. The process's stdin, stdout and stderr are copied to and from
 * the channel by three threads of this command; its exit code is the exit status. No
 * terminal is emulated, even after a {@code pty-req}.
 *
 * <p>When the channel ends first, the handler's thread is interrupted and the process killed.
 */
public final class SystemShell implements CommandHandler {
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private final String shell;

    /** Runs commands through {@code /bin/sh}. */
    public SystemShell() {
        this("/bin/sh");
    }

    /** Runs commands through the given POSIX shell. */
    public SystemShell(String shell) {
        this.shell = shell;
    }

    @Override
    public int run(CommandContext context) throws IOException, InterruptedException {
        List<String> command = context.command().isEmpty() ? List.of(shell) : List.of(shell, "-c", context.command());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(context.env());
        Process process = builder.start();
        String name = "keyway-shell-" + COMMANDS.incrementAndGet();
        Thread stdin = copier(name + "-stdin", context.stdin(), process.getOutputStream(), process);
        Thread stdout = copier(name + "-stdout", process.getInputStream(), context.stdout(), process);
        Thread stderr = copier(name + "-stderr", process.getErrorStream(), context.stderr(), process);
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
            stdin.join(1000);
            stdout.join(1000);
            stderr.join(1000);
        }
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

    /**
     * A thread that copies {@code from} to {@code to} and then closes {@code to}. If writing to
     * the channel fails (the client went away), the process is killed, as a pipe's reader
     * closing would end it.
     */
    private static Thread copier(String name, InputStream from, OutputStream to, Process process) {
        Thread t = new Thread(() -> {
            try (from; to) {
                from.transferTo(to);
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
