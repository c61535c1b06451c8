package dev.keyway.ssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.net.EventLoop;
import dev.keyway.ssh.internal.ClientConnector;
import dev.keyway.ssh.internal.ClientSettings;
import dev.keyway.ssh.internal.SessionObservers;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An SSH client: connects, checks the server's host key (RFC 4253 §8) with the given
 * verifier, logs in (RFC 4252) and returns a {@link ClientSession} that runs commands.
 * One thread does the network I/O of all its sessions; {@link #close()} ends them and it.
 *
 * <pre>{@code
 * try (SshClient client = SshClient.builder().hostKeyVerifier(knownHosts::contains).build();
 *         ClientSession session = client.connect("127.0.0.1", 22, "alice", Credentials.keyPairs(key))) {
 *     RemoteProcess p = session.exec("echo hello");
 *     String out = new String(p.getInputStream().readAllBytes(), UTF_8);
 *     int status = p.waitFor(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class SshClient implements AutoCloseable {
    private final EventLoop loop;
    private final ClientConnector connector;

    private SshClient(Builder b) {
        this.loop = EventLoop.start("keyway-client");
        this.connector = new ClientConnector(loop, new ClientSettings(
                b.registry != null ? b.registry : AlgorithmRegistry.loadDefault(), b.policy, b.verifier,
                b.rekeyAfterBytes, ConnectionConfig.client().withWindow(b.channelWindow, ConnectionConfig.DEFAULT_MAX_PACKET),
                b.limits, b.timeout, new SessionObservers(b.observer, b.messages, b.wire), b.banners, b.environment));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects and logs in as {@code user}.
     *
     * @throws AuthenticationException when the server accepted none of the credentials
     * @throws IOException when the connection, the host key check or the key exchange failed,
     *     or all of it took longer than the timeout
     */
    public ClientSession connect(String host, int port, String user, Credentials credentials) throws IOException {
        return connector.connect(new InetSocketAddress(host, port), Objects.requireNonNull(user),
                Objects.requireNonNull(credentials));
    }

    /** Ends every session (SSH_MSG_DISCONNECT) and the network thread, waiting a bounded time. */
    @Override
    public void close() {
        connector.closeAll();
        loop.close();
    }

    /** Collects a client's settings; the host key verifier is required. */
    public static final class Builder {
        private AlgorithmRegistry registry;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private Consumer<TransportEvent> observer = e -> { };
        private MessageObserver messages;
        private Consumer<String> banners = text -> { };
        private Consumer<ByteBuffer> wire;
        private HostKeyVerifier verifier;
        private long channelWindow = ConnectionConfig.DEFAULT_WINDOW;
        private ConnectionLimits limits = ConnectionLimits.defaults();
        private Duration timeout = Duration.ofSeconds(30);
        private long rekeyAfterBytes = TransportConfig.DEFAULT_REKEY_BYTES;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sees every transport event of every session, on the event loop's thread: version
         * strings, KEXINIT lists, the choice, key exchange messages, NEWKEYS. For traces such as
         * {@code keyway ssh -v}; it must not block.
         */
        public Builder transportObserver(Consumer<TransportEvent> observer) {
            this.observer = Objects.requireNonNull(observer);
            return this;
        }

        /**
         * Sees every message above the transport of every session, in clear, both ways: the
         * login and the channels. For traces; it must not block.
         */
        public Builder messageObserver(MessageObserver observer) {
            this.messages = Objects.requireNonNull(observer);
            return this;
        }

        /**
         * Sees a read-only view of each batch of bytes a session writes to its socket, on the
         * network thread: what an eavesdropper sees. For traces and demos; it must not block.
         */
        public Builder wireObserver(Consumer<ByteBuffer> observer) {
            this.wire = Objects.requireNonNull(observer);
            return this;
        }

        /**
         * Receives the text of each SSH_MSG_USERAUTH_BANNER (RFC 4252 §5.4), which a client
         * should show its user before the login; ignored by default. Called on the network
         * thread; it must not block. The text is the server's: strip control characters
         * before writing it to a terminal.
         */
        public Builder bannerHandler(Consumer<String> handler) {
            this.banners = Objects.requireNonNull(handler);
            return this;
        }

        /**
         * A variable to set for every command, shell and subsystem, sent as an {@code env}
         * request (RFC 4254 §6.4) without a reply, as OpenSSH's SetEnv. Servers set only the
         * names they accept (sshd's AcceptEnv) and ignore the rest.
         */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Which algorithms to offer, in what order; OpenSSH's order by default. */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /** The algorithms; {@link AlgorithmRegistry#loadDefault()} if not given. */
        public Builder registry(AlgorithmRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /** Decides whether the server's host key is the expected one (RFC 4253 §8). */
        public Builder hostKeyVerifier(HostKeyVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier);
            return this;
        }

        /** The window each channel gives the server (RFC 4254 §5.2); 2 MiB by default. */
        public Builder channelWindow(long bytes) {
            this.channelWindow = bytes;
            return this;
        }

        public Builder limits(ConnectionLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * Starts a key re-exchange after this many bytes in either direction (RFC 4253 §9),
         * like OpenSSH's {@code RekeyLimit}; 1 GiB by default.
         */
        public Builder rekeyAfterBytes(long bytes) {
            this.rekeyAfterBytes = bytes;
            return this;
        }

        /** The bound on connecting and logging in, and on each answer the server owes. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        public SshClient build() {
            if (verifier == null) {
                throw new IllegalStateException("a host key verifier is required (RFC 4253 §8)");
            }
            return new SshClient(this);
        }
    }
}
