package dev.keyway.integration.javapeers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A MINA SSHD command that runs in the JVM, no process: {@code exit N} ends with status N;
 * {@code cat} copies stdin to stdout; anything else is written back with a newline, status 0.
 * Commands joined by {@code "; "} run one after the other, as in a shell: {@code cat; exit 7}.
 */
final class EchoOrExitCommand implements Command {
    private final String commandLine;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private Thread worker;

    EchoOrExitCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // Nothing is written to stderr.
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        worker = new Thread(this::run, "mina-echo-or-exit");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        int status = 0;
        try {
            for (String command : commandLine.split("; ")) {
                if (command.startsWith("exit ")) {
                    status = Integer.parseInt(command.substring(5).trim());
                    break;
                } else if (command.equals("cat")) {
                    in.transferTo(out);
                } else {
                    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            out.flush();
        } catch (IOException | NumberFormatException e) {
            status = 255;
        }
        exit.onExit(status);
    }

    @Override
    public void destroy(ChannelSession channel) throws InterruptedException {
        if (worker != null) {
            worker.interrupt();
            worker.join(5_000);
        }
    }
}
