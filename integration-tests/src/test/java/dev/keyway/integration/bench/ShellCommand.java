package dev.keyway.integration.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The benchmark's MINA server runs an {@code exec} request's command with {@code /bin/sh -c}
 * (RFC 4254 §6.5), as sshd and {@code keyway server} do. Its streams are copied as Keyway's
 * {@code SystemShell} copies them, a thread each and each piece of up to 8 KiB flushed, so that
 * the two Java servers move a command's bytes alike and the measurement compares their SSH
 * code. The exit status follows once the command's output has all been copied (§6.10).
 */
final class ShellCommand implements Command {
    private static final int PIECE = 8192;

    private final String command;
    private InputStream stdin;
    private OutputStream stdout;
    private OutputStream stderr;
    private ExitCallback exit;
    private Process process;

    ShellCommand(String command) {
        this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.stdin = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.stdout = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.stderr = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        process = new ProcessBuilder("/bin/sh", "-c", command).start();
        copier("stdin", stdin, process.getOutputStream());
        List<Thread> output = new ArrayList<>(List.of(
                copier("stdout", process.getInputStream(), stdout),
                copier("stderr", process.getErrorStream(), stderr)));
        Thread waiter = new Thread(() -> {
            try {
                for (Thread t : output) {
                    t.join();
                }
                exit.onExit(process.waitFor());
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }, "mina-command-exit");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Copies until the end of {@code from}, then closes {@code to}; a failed write ends the command. */
    private Thread copier(String name, InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try (from; to) {
                byte[] piece = new byte[PIECE];
                for (int n; (n = from.read(piece)) >= 0; ) {
                    to.write(piece, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }, "mina-command-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
