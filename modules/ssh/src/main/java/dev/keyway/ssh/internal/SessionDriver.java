package dev.keyway.ssh.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.net.Connection;
import dev.keyway.net.ProtocolDriver;
import dev.keyway.net.TransportDriver;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import dev.keyway.ssh.MessageObserver;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One SSH session on a {@link Connection}: the transport engine with the user authentication
 * and connection engines stacked on it by a {@link SessionRole}. Service messages come from
 * the transport's zero-copy sink; whatever layer throws {@link SshProtocolException} ends the
 * session with SSH_MSG_DISCONNECT and the exception's reason (RFC 4253 §11.1).
 *
 * <p>Everything here runs on the loop's thread. Other threads hand work over with
 * {@link #runOnLoop}, which drops it quietly once the session is over: the role has then
 * released every thread that waited on it.
 */
public final class SessionDriver implements ProtocolDriver {
    private final SshTransport transport;
    /** Moves the transport's bytes and hands its events to this driver. */
    private final TransportDriver plumbing;
    private final SessionRole role;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private Connection connection;
    /** An error a layer raised inside the transport's receive; acted on once receive returns. */
    private SshProtocolException failure;

    /** Sees every transport event first, e.g. to trace the session (ssh -v). */
    private final java.util.function.Consumer<TransportEvent> observer;
    /** Sees the service messages both ways; null when nobody watches, so that no copy is made. */
    private final MessageObserver messages;
    /** The algorithms of the keys in use: written on the loop's thread, read by any. */
    private volatile NegotiatedAlgorithms algorithms;
    private volatile ServerHostKey hostKey;

    SessionDriver(SshTransport transport, Function<SessionDriver, SessionRole> roles, SessionObservers observers) {
        this.transport = transport;
        this.observer = observers.transport();
        this.messages = observers.messages();
        this.plumbing = new TransportDriver(transport, (c, e) -> onTransportEvent(e));
        this.role = roles.apply(this);
    }

    SshTransport transport() {
        return transport;
    }

    /** The algorithms negotiated last (RFC 4253 §7.1), or null before the first choice. */
    NegotiatedAlgorithms algorithms() {
        return algorithms;
    }

    /** The host key the server proved it holds (RFC 4253 §8), or null before that. */
    ServerHostKey hostKey() {
        return hostKey;
    }

    /** The peer's address, or null before the connection starts or when it is no IP socket. */
    InetSocketAddress remoteAddress() {
        return connection != null && connection.remoteAddress() instanceof InetSocketAddress a ? a : null;
    }

    /** Sends a service-layer message; every layer above the transport sends through here. */
    void send(byte[] payload) {
        if (messages != null) {
            messages.onMessage(true, payload);
        }
        transport.send(payload);
    }

    /** Starts a key re-exchange (RFC 4253 §9); any thread. */
    void rekey() {
        runOnLoop(() -> {
            if (!transport.isClosed()) {
                transport.requestRekey();
            }
        });
    }

    /** Completes when the session is over, however it ended. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Runs a task on the loop's thread; any thread. A protocol error in it ends the session. */
    void runOnLoop(SessionTask task) {
        Connection c = connection;
        if (c == null || ended.isDone()) {
            return;
        }
        try {
            c.execute(() -> runTask(task));
        } catch (IllegalStateException loopClosed) {
            // The loop is gone, and with it the session: onEnded already woke every waiter.
        }
    }

    /** Runs a task on the loop's thread after a delay (protocol timers); call on the loop's thread. */
    void schedule(Duration delay, SessionTask task) {
        connection.schedule(delay, () -> runTask(task));
    }

    /** Sends SSH_MSG_DISCONNECT BY_APPLICATION (RFC 4253 §11.1); any thread. */
    public void disconnect(String why) {
        runOnLoop(() -> {
            if (!transport.isClosed()) {
                transport.disconnect(DisconnectReason.BY_APPLICATION, why);
            }
        });
    }

    private void runTask(SessionTask task) {
        if (ended.isDone()) {
            return;
        }
        try {
            task.run();
        } catch (SshProtocolException e) {
            failure = e;
        }
        afterChange();
    }

    @Override
    public void start(Connection c) {
        this.connection = c;
        transport.setServiceMessageSink(this::onServiceMessage);
        plumbing.start(c);
        afterChange();
    }

    @Override
    public void onInput(byte[] buf, int off, int len) {
        plumbing.onInput(buf, off, len);
        afterChange();
    }

    /**
     * Routes a service message by its number (RFC 4250 §4.1.2): the service request or accept
     * to the role, 50 to 79 to user authentication and 80 to 127 to the connection layer once
     * each has started; anything else, or anything early, is a protocol error.
     */
    private void onServiceMessage(byte[] buf, int off, int len) {
        if (failure != null || ended.isDone()) {
            return;
        }
        // Events the transport queued before this message (EXT_INFO, say) are acted on first, in order.
        for (TransportEvent e; failure == null && (e = transport.pollEvent()) != null; ) {
            onTransportEvent(e);
        }
        if (messages != null) {
            messages.onMessage(false, Arrays.copyOfRange(buf, off, off + len));
        }
        int type = buf[off] & 0xff;
        try {
            MessageReceiver layer = type == ServiceMessages.SERVICE_REQUEST || type == ServiceMessages.SERVICE_ACCEPT
                    ? role.serviceLayer()
                    : ServiceMessages.isUserAuth(type) ? role.userAuthLayer()
                    : ServiceMessages.isConnection(type) ? role.connectionLayer() : null;
            if (layer == null) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "unexpected message " + type);
            }
            layer.receive(buf, off, len);
            // Before the next message: it may be for a layer this one just started.
            role.pollEngines();
        } catch (SshProtocolException e) {
            // Disconnecting inside the transport's receive would cut its loop short; wait for it to return.
            failure = e;
        }
    }

    /** Acts on what the engines reported, then turns a pending error into a disconnect. */
    private void afterChange() {
        if (failure == null && !ended.isDone()) {
            try {
                role.pollEngines();
            } catch (SshProtocolException e) {
                failure = e;
            }
        }
        if (failure != null && !transport.isClosed()) {
            transport.disconnect(failure.reason(), failure.getMessage());
        }
        for (TransportEvent e; (e = transport.pollEvent()) != null; ) {
            onTransportEvent(e);
        }
    }

    private void onTransportEvent(TransportEvent e) {
        observer.accept(e);
        if (e instanceof TransportEvent.AlgorithmsNegotiated a) {
            algorithms = a.algorithms();
        } else if (e instanceof TransportEvent.HostKeyAccepted h) {
            hostKey = h.hostKey();
        }
        if (e instanceof TransportEvent.Disconnected d) {
            end(d.reason() + (d.byPeer() ? " from the peer: " : ": ") + d.description());
        } else if (!ended.isDone() && failure == null) {
            try {
                role.onTransportEvent(e);
            } catch (SshProtocolException x) {
                failure = x;
            }
        }
    }

    private void end(String why) {
        if (!ended.isDone()) {
            role.onEnded(why);
            ended.complete(null);
        }
    }

    @Override
    public int drainOutput(ByteBuffer dst) {
        return plumbing.drainOutput(dst);
    }

    @Override
    public boolean hasOutput() {
        return plumbing.hasOutput();
    }

    @Override
    public boolean isEstablished() {
        return plumbing.isEstablished();
    }

    @Override
    public boolean isFinished() {
        return plumbing.isFinished();
    }

    @Override
    public void onTimeout(Timeout timeout) {
        plumbing.onTimeout(timeout);
        afterChange();
    }

    @Override
    public void onPeerClosed(String why) {
        plumbing.onPeerClosed(why);
        afterChange();
    }

    @Override
    public void onClosed() {
        end("connection closed");
    }

    /** A layer that takes service messages straight from the transport's buffer. */
    @FunctionalInterface
    interface MessageReceiver {
        void receive(byte[] buf, int off, int len) throws SshProtocolException;
    }

    /** Work for the loop's thread that may end the session with a protocol error. */
    @FunctionalInterface
    interface SessionTask {
        void run() throws SshProtocolException;
    }
}
