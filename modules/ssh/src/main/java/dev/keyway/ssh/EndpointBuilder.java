package dev.keyway.ssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.ssh.internal.SessionObservers;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings an {@link SshServer} and an {@link SshClient} are both built with: algorithms
 * and their order, re-keying, connection limits, the channel window, and the three observers.
 * Each side's builder adds its own.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract class EndpointBuilder<B extends EndpointBuilder<B>> {
    private AlgorithmSource algorithms;
    private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
    private long rekeyAfterBytes = TransportConfig.DEFAULT_REKEY_BYTES;
    private ConnectionLimits limits = ConnectionLimits.defaults();
    private long channelWindow = ConnectionConfig.DEFAULT_WINDOW;
    private Consumer<TransportEvent> transportObserver = e -> { };
    private MessageObserver messageObserver;
    private Consumer<ByteBuffer> wireObserver;

    EndpointBuilder() {
    }

    /** This builder, as its own type. */
    abstract B self();

    /** Always these algorithms: {@code algorithms(AlgorithmSource.fixed(registry))}. */
    public B registry(AlgorithmRegistry registry) {
        return algorithms(AlgorithmSource.fixed(registry));
    }

    /**
     * Where each connection gets its algorithms: the source is asked as the connection starts
     * and the session keeps that snapshot to its end. The providers {@link java.util.ServiceLoader}
     * finds if not given ({@link AlgorithmRegistry#loadDefault()}).
     */
    public B algorithms(AlgorithmSource source) {
        this.algorithms = Objects.requireNonNull(source);
        return self();
    }

    /** Which algorithms to offer, in what order; OpenSSH's order by default. */
    public B policy(AlgorithmPolicy policy) {
        this.policy = Objects.requireNonNull(policy);
        return self();
    }

    /**
     * Starts a key re-exchange after this many bytes in either direction (RFC 4253 §9), like
     * OpenSSH's {@code RekeyLimit}; 1 GiB by default. It waits for a session's login to
     * succeed, as OpenSSH's client takes no KEXINIT during user authentication.
     */
    public B rekeyAfterBytes(long bytes) {
        this.rekeyAfterBytes = bytes;
        return self();
    }

    /** Handshake, idle and linger time bounds of each connection. */
    public B limits(ConnectionLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        return self();
    }

    /** The window each channel gives the peer (RFC 4254 §5.2); 2 MiB by default, as OpenSSH. */
    public B channelWindow(long bytes) {
        this.channelWindow = bytes;
        return self();
    }

    /**
     * Sees every transport event of every session, on the network thread: version strings,
     * KEXINIT lists, the choice, key exchange messages, NEWKEYS, each re-exchange, disconnects.
     * For logs and traces such as {@code keyway ssh -v}; it must not block.
     */
    public B transportObserver(Consumer<TransportEvent> observer) {
        this.transportObserver = Objects.requireNonNull(observer);
        return self();
    }

    /**
     * Sees every message above the transport of every session, in clear, both ways: the login
     * and the channels. For traces; it must not block.
     */
    public B messageObserver(MessageObserver observer) {
        this.messageObserver = Objects.requireNonNull(observer);
        return self();
    }

    /**
     * Sees a read-only view of each batch of bytes a session writes to its socket, on the
     * network thread: what an eavesdropper sees. For traces and demos; it must not block.
     */
    public B wireObserver(Consumer<ByteBuffer> observer) {
        this.wireObserver = Objects.requireNonNull(observer);
        return self();
    }

    AlgorithmSource algorithmsOrDefault() {
        return algorithms != null ? algorithms : AlgorithmSource.fixed(AlgorithmRegistry.loadDefault());
    }

    AlgorithmPolicy policy() {
        return policy;
    }

    long rekeyAfterBytes() {
        return rekeyAfterBytes;
    }

    ConnectionLimits limits() {
        return limits;
    }

    /** The connection settings of one side, with this builder's channel window. */
    ConnectionConfig connection(ConnectionConfig side) {
        return side.withWindow(channelWindow, ConnectionConfig.DEFAULT_MAX_PACKET);
    }

    SessionObservers observers() {
        return new SessionObservers(transportObserver, messageObserver, wireObserver);
    }
}
