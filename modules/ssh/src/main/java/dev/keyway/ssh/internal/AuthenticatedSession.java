package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.Terminal;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A logged-in client session. Its calls hand their work to the loop's thread and wait, at
 * most the client's timeout, for the server's answer.
 */
public final class AuthenticatedSession implements ClientSession {
    private final SessionDriver driver;
    private final ClientRole role;
    private final String user;
    private final Duration timeout;
    private final Map<String, String> environment;

    AuthenticatedSession(SessionDriver driver, ClientRole role, String user, Duration timeout,
            Map<String, String> environment) {
        this.driver = driver;
        this.role = role;
        this.user = user;
        this.timeout = timeout;
        this.environment = environment;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public RemoteProcess exec(String command) throws IOException {
        return start(null, ChannelRequest.ExecRequest.of(command), "exec");
    }

    @Override
    public RemoteProcess exec(String command, Terminal terminal) throws IOException {
        return start(Objects.requireNonNull(terminal, "terminal"), ChannelRequest.ExecRequest.of(command), "exec");
    }

    @Override
    public RemoteProcess shell() throws IOException {
        return start(null, new ChannelRequest.ShellRequest(), "shell");
    }

    @Override
    public RemoteProcess shell(Terminal terminal) throws IOException {
        return start(Objects.requireNonNull(terminal, "terminal"), new ChannelRequest.ShellRequest(), "shell");
    }

    @Override
    public RemoteProcess subsystem(String name) throws IOException {
        return start(null, new ChannelRequest.SubsystemRequest(Objects.requireNonNull(name, "name")), "subsystem " + name);
    }

    /**
     * Opens a session channel and asks it to run something (RFC 4254 §6.5), after a
     * {@code pty-req} (§6.2) when a terminal is given and the client's {@code env} requests
     * (§6.4, no reply wanted: a server drops the names it does not accept, as sshd does). The
     * requests go out together; the replies come in their order (§5.4). As with OpenSSH, a refused terminal is
     * not fatal: the command runs without one.
     */
    private RemoteProcess start(Terminal terminal, ChannelRequest request, String what) throws IOException {
        CompletableFuture<ClientChannel> opening = new CompletableFuture<>();
        driver.runOnLoop(() -> {
            try {
                role.openSession().opened().whenComplete((c, e) -> complete(opening, c, e));
            } catch (IllegalStateException tooMany) {
                opening.completeExceptionally(new IOException("too many channels open", tooMany));
            }
        });
        ClientChannel channel = await(opening, "opening a channel");
        CompletableFuture<Boolean> ptyReply = new CompletableFuture<>();
        CompletableFuture<Boolean> reply = new CompletableFuture<>();
        driver.runOnLoop(() -> {
            if (terminal != null) {
                channel.expectReply(ptyReply);
                role.engine().sendRequest(channel.bridge().id, new ChannelRequest.PtyRequest(terminal.type(),
                        terminal.columns(), terminal.rows(), 0, 0, terminal.encodedModes()), true);
            }
            environment.forEach((name, value) -> role.engine().sendRequest(channel.bridge().id,
                    new ChannelRequest.EnvRequest(name, value), false));
            channel.expectReply(reply);
            role.engine().sendRequest(channel.bridge().id, request, true);
        });
        boolean hasTerminal = terminal != null && await(ptyReply, "the answer to pty-req");
        if (!await(reply, "the answer to " + what)) {
            channel.bridge().close();
            throw new IOException("the server refused the " + what + " request");
        }
        return new RemoteCommand(channel, hasTerminal);
    }

    private static <T> void complete(CompletableFuture<T> f, T value, Throwable failure) {
        if (failure != null) {
            f.completeExceptionally(failure);
        } else {
            f.complete(value);
        }
    }

    private <T> T await(CompletableFuture<T> f, String what) throws IOException {
        if (driver.ended().isDone()) {
            throw new IOException("the session is over");
        }
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + what);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout.toSeconds() + " s while " + what);
        }
    }

    @Override
    public NegotiatedAlgorithms algorithms() {
        return driver.algorithms();
    }

    @Override
    public ServerHostKey hostKey() {
        return driver.hostKey();
    }

    @Override
    public void rekey() {
        driver.rekey();
    }

    @Override
    public boolean isOpen() {
        return !driver.ended().isDone();
    }

    @Override
    public void close() {
        driver.disconnect("closed by the client");
    }

    /** Waits, at most the client's timeout, for the session to end. */
    void awaitEnd() {
        try {
            driver.ended().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing the client's loop ends it in any case.
        }
    }
}
