package dev.keyway.ssh.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.net.Connection;
import dev.keyway.net.ProtocolDriver;
import dev.keyway.ssh.MessageObserver;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One SSH session on a {@link Connection}: the transport engine with the user authentication
 * and connection engines stacked on it by a {@link SessionRole}. Service messages come from
 * the transport's zero-copy sink; whatever layer throws {@link SshProtocolException} ends the
 * session with SSH_MSG_DISCONNECT and the exception's reason (RFC 4253 §11.1).
 *
 * <p>Flow control runs through here both ways: the connection reads only while the transport
 * {@linkplain SshTransport#wantsInput() wants input} (its output is below the high-water mark
 * and no layer paused it), and when the socket has taken the output the transport goes on with
 * input it held back and the role refills the output from the channels that wait for room.
 *
 * <p>Everything here runs on the loop's thread. Other threads hand work over with
 * {@link #runOnLoop}, which drops it quietly once the session is over: the role has then
 * released every thread that waited on it.
 */
public final class SessionDriver implements ProtocolDriver {
    private final SshTransport transport;
    private final SessionRole role;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private Connection connection;
    private InetSocketAddress peer;
    /** An error a layer raised inside the transport's receive; acted on once receive returns. */
    private SshProtocolException failure;

    /** Sees every transport event first, e.g. to trace the session (ssh -v). */
    private final Consumer<TransportEvent> observer;
    /** Sees the service messages both ways; null when nobody watches, so that no copy is made. */
    private final MessageObserver messages;
    /** The algorithms of the keys in use: written on the loop's thread, read by any. */
    private volatile NegotiatedAlgorithms algorithms;
    private volatile ServerHostKey hostKey;
    /** When the peer last sent bytes that were read, for the keepalive. */
    private long lastInputNanos = System.nanoTime();

    SessionDriver(SshTransport transport, Function<SessionDriver, SessionRole> roles, SessionObservers observers) {
        this.transport = transport;
        this.observer = observers.transport();
        this.messages = observers.messages();
        this.role = roles.apply(this);
    }

    SshTransport transport() {
        return transport;
    }

    /** The peer's address, known from the start to the end; null before the start or without a socket. */
    InetSocketAddress peerAddress() {
        return peer;
    }

    /** This side's address, or null before the connection started or without a socket. */
    InetSocketAddress localAddress() {
        Connection c = connection;
        return c != null && c.localAddress() instanceof InetSocketAddress a ? a : null;
    }

    /** The algorithms negotiated last (RFC 4253 §7.1), or null before the first choice. */
    NegotiatedAlgorithms algorithms() {
        return algorithms;
    }

    /** The host key the server proved it holds (RFC 4253 §8), or null before that. */
    ServerHostKey hostKey() {
        return hostKey;
    }

    /**
     * Sends a service-layer message; every layer above the transport sends through here. Once
     * the transport closed (it may close inside a layer's turn), nothing more goes out. The
     * payload is ours once handed over ({@link dev.keyway.api.MessageSender}): a user
     * authentication message, which may carry a password or keyboard-interactive answers, is
     * zeroed once the transport has taken its copy.
     */
    void send(byte[] payload) {
        try {
            if (transport.isClosed()) {
                return;
            }
            if (messages != null) {
                messages.onMessage(true, payload);
            }
            transport.send(payload);
        } finally {
            if (payload.length > 0 && ServiceMessages.isUserAuth(payload[0] & 0xff)) {
                Arrays.fill(payload, (byte) 0);
            }
        }
    }

    /**
     * How many bytes the transport's output takes before its high-water mark: a layer that
     * produces data on its own (a channel's writer) sends no more, and waits for
     * {@link SessionRole#onOutputFlushed()} when it is zero.
     */
    long outputRoom() {
        return transport.outputRoom();
    }

    /**
     * The most channel data one message may carry: the transport's payload limit less the
     * fields of SSH_MSG_CHANNEL_EXTENDED_DATA around the data (RFC 4254 §5.2). A peer that
     * announces a larger maximum packet gets smaller messages.
     */
    int maxChannelData() {
        return transport.maxPayload() - CHANNEL_DATA_FIELDS;
    }

    /** byte number, uint32 recipient, uint32 data type, uint32 length. */
    private static final int CHANNEL_DATA_FIELDS = 13;

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

    /**
     * Holds back the peer's next messages until {@link #resumeInput}: a layer waits on
     * something (an authentication check, a failure delay) before it takes the next one.
     */
    void pauseInput() {
        transport.pauseInput();
    }

    void resumeInput() {
        transport.resumeInput();
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
        this.peer = c.remoteAddress() instanceof InetSocketAddress a ? a : null;
        transport.setServiceMessageSink(this::onServiceMessage);
        afterChange();
    }

    @Override
    public void onInput(byte[] buf, int off, int len) {
        lastInputNanos = System.nanoTime();
        transport.receive(buf, off, len);
        afterChange();
    }

    /** When the peer last sent something, on the monotonic clock. */
    long lastInputNanos() {
        return lastInputNanos;
    }

    @Override
    public boolean wantsInput() {
        return transport.wantsInput();
    }

    @Override
    public boolean onOutputFlushed() {
        if (ended.isDone()) {
            return false;
        }
        if (transport.wantsInput()) {
            transport.processInput();
        }
        role.onOutputFlushed();
        afterChange();
        return transport.pendingOutput() > 0;
    }

    /**
     * Routes a service message by its number (RFC 4250 §4.1.2): the service request or accept
     * to the role, 50 to 79 to user authentication and 80 to 127 to the connection layer once
     * each has started; anything early is a protocol error, and a number no layer defines (54
     * to 59, 101 to 127, 128 and up) is answered SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4).
     */
    private boolean onServiceMessage(byte[] buf, int off, int len) {
        if (failure != null || ended.isDone()) {
            return true;
        }
        // Events the transport queued before this message (EXT_INFO, say) are acted on first, in order.
        for (TransportEvent e; failure == null && (e = transport.pollEvent()) != null; ) {
            onTransportEvent(e);
        }
        if (messages != null) {
            messages.onMessage(false, Arrays.copyOfRange(buf, off, off + len));
        }
        int type = buf[off] & 0xff;
        if (!ServiceMessages.isKnown(type)) {
            return false;
        }
        try {
            MessageReceiver layer = type == ServiceMessages.SERVICE_REQUEST || type == ServiceMessages.SERVICE_ACCEPT
                    ? role.serviceLayer()
                    : ServiceMessages.isUserAuth(type) ? role.userAuthLayer() : role.connectionLayer();
            if (layer == null) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "unexpected message " + type);
            }
            layer.receive(buf, off, len);
            // Before the next message: it may be for a layer this one just started.
            role.pollEngines();
        } catch (SshProtocolException e) {
            // Disconnecting inside the transport's receive would cut its loop short; wait for it to return.
            failure = e;
            transport.pauseInput();
        }
        return true;
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
            end(d);
        } else if (!ended.isDone() && failure == null) {
            try {
                role.onTransportEvent(e);
            } catch (SshProtocolException x) {
                failure = x;
            }
        }
    }

    private void end(TransportEvent.Disconnected d) {
        if (!ended.isDone()) {
            role.onEnded(d);
            ended.complete(null);
        }
    }

    @Override
    public int drainOutput(ByteBuffer dst) {
        return transport.readOutput(dst);
    }

    @Override
    public boolean hasOutput() {
        return transport.pendingOutput() > 0;
    }

    /** The handshake, for the connection's timer, lasts until the user is logged in (sshd's LoginGraceTime). */
    @Override
    public boolean isEstablished() {
        return role.loggedIn();
    }

    @Override
    public boolean isFinished() {
        return transport.isClosed();
    }

    @Override
    public void onTimeout(Timeout timeout) {
        if (!transport.isClosed()) {
            switch (timeout) {
                case HANDSHAKE -> transport.disconnect(DisconnectReason.BY_APPLICATION, role.handshakeTimeoutMessage());
                case IDLE -> transport.disconnect(DisconnectReason.BY_APPLICATION, "idle timeout");
                case SHED -> transport.disconnect(DisconnectReason.TOO_MANY_CONNECTIONS,
                        "too many connections that have not logged in");
            }
        }
        afterChange();
    }

    @Override
    public void onPeerClosed(String why) {
        transport.connectionLost(why);
        afterChange();
    }

    @Override
    public void onClosed() {
        end(new TransportEvent.Disconnected(DisconnectReason.CONNECTION_LOST, "connection closed", true));
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
