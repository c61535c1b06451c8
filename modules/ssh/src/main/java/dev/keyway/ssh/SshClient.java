package dev.keyway.ssh;

import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.EventLoop;
import dev.keyway.ssh.internal.ClientConnector;
import dev.keyway.ssh.internal.ClientSettings;
import dev.keyway.ssh.internal.KeepAlive;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.ServerHostKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

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
                b.algorithmsOrDefault(), b.policy(), b.verifier, b.rekeyAfterBytes(), b.connection(ConnectionConfig.client()),
                b.limits(), b.timeout, b.observers(), b.banners, b.environment, b.serverAlive));
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
        Objects.requireNonNull(credentials);
        return connect(host, port, user, hostKey -> credentials);
    }

    /**
     * Connects and logs in as {@code user} with the credentials {@code credentialsFor} gives for
     * the host key the verifier accepted. It is asked once, after the key exchange and before
     * the first authentication request (RFC 4252 §5), on the network thread: it must answer at
     * once. ssh(1) decides so for a key StrictHostKeyChecking=no let in although known_hosts
     * holds another one: it offers no password there, which a man in the middle would read in
     * clear, only signatures that are bound to this session (RFC 4252 §7).
     *
     * @throws AuthenticationException when the server accepted none of the credentials
     * @throws IOException when the connection, the host key check or the key exchange failed,
     *     or all of it took longer than the timeout
     */
    public ClientSession connect(String host, int port, String user,
            Function<ServerHostKey, Credentials> credentialsFor) throws IOException {
        return connector.connect(new InetSocketAddress(host, port), Objects.requireNonNull(user),
                Objects.requireNonNull(credentialsFor));
    }

    /** Ends every session (SSH_MSG_DISCONNECT) and the network thread, waiting a bounded time. */
    @Override
    public void close() {
        connector.closeAll();
        loop.close();
    }

    /** Collects a client's settings; the host key verifier is required. */
    public static final class Builder extends EndpointBuilder<Builder> {
        private Consumer<String> banners = text -> { };
        private HostKeyVerifier verifier;
        private Duration timeout = Duration.ofSeconds(30);
        private final Map<String, String> environment = new LinkedHashMap<>();
        private KeepAlive serverAlive = KeepAlive.NONE;

        private Builder() {
        }

        /**
         * ssh's ServerAliveInterval and ServerAliveCountMax: once the server has been silent for
         * {@code interval}, ask it for a sign of life ({@code keepalive@openssh.com}); after
         * {@code countMax} unanswered, end the session. Off by default, as in ssh.
         */
        public Builder serverAlive(Duration interval, int countMax) {
            this.serverAlive = new KeepAlive(interval, countMax);
            return this;
        }

        @Override
        Builder self() {
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

        /** Decides whether the server's host key is the expected one (RFC 4253 §8). */
        public Builder hostKeyVerifier(HostKeyVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier);
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
