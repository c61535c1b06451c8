package dev.keyway.ssh.internal;

import dev.keyway.ssh.RemoteProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A command the server accepted to run in a channel, seen through blocking streams. */
final class RemoteCommand implements RemoteProcess {
    private final ClientChannel channel;
    private final OutputStream stdin;

    RemoteCommand(ClientChannel channel) {
        this.channel = channel;
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
    public void close() {
        channel.bridge().close();
    }
}
