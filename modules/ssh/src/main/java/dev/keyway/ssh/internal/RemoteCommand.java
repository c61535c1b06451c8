package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.ssh.RemoteProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A command the server accepted to run in a channel, seen through blocking streams. */
final class RemoteCommand implements RemoteProcess {
    private final ClientChannel channel;
    private final OutputStream stdin;
    private final boolean hasTerminal;

    RemoteCommand(ClientChannel channel, boolean hasTerminal) {
        this.channel = channel;
        this.hasTerminal = hasTerminal;
        this.stdin = channel.bridge().output(ChannelBridge.PLAIN_DATA, true);
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return channel.bridge().input();
    }

    @Override
    public InputStream getErrorStream() {
        return channel.bridge().errorInput();
    }

    @Override
    public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return channel.closed().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            return -1; // never happens: the end completes normally
        }
    }

    @Override
    public Optional<ChannelRequest.ExitSignal> exitSignal() {
        return channel.exitSignal();
    }

    @Override
    public boolean hasTerminal() {
        return hasTerminal;
    }

    @Override
    public void resizeTerminal(int columns, int rows) {
        if (hasTerminal) {
            channel.bridge().sendRequest(new ChannelRequest.WindowChange(columns, rows, 0, 0));
        }
    }

    @Override
    public void close() {
        channel.bridge().close();
    }
}
