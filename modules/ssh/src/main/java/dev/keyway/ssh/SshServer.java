package dev.keyway.ssh;

import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.net.EventLoop;
import dev.keyway.net.Listener;
import dev.keyway.net.StartupLimits;
import dev.keyway.ssh.internal.KeepAlive;
import dev.keyway.ssh.internal.AcceptedEnvironment;
import dev.keyway.ssh.internal.CommandThreads;
import dev.keyway.ssh.internal.LoginRules;
import dev.keyway.ssh.internal.ServerSessions;
import dev.keyway.ssh.internal.ServerSettings;
import dev.keyway.userauth.UserAuthServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An SSH server: key exchange with the given host keys (RFC 4253), user authentication by the
 * embedder's authenticators (RFC 4252, RFC 4256), and session channels whose {@code exec},
 * {@code shell} and {@code subsystem} requests (RFC 4254 §6.5) run {@link CommandHandler}s.
 *
 * <p>One thread does the network I/O of every connection; each running command has a thread
 * of its own from a bounded pool. {@link #close()} stops accepting, ends every session and
 * waits (bounded) for those threads to end.
 *
 * <pre>{@code
 * try (SshServer server = SshServer.builder().hostKeys(List.of(hostKey))
 *         .publicKeyAuthenticator((user, key) -> allowed(user, key))
 *         .execHandler(new SystemShell()).shellHandler(new SystemShell())
 *         .bind(new InetSocketAddress("127.0.0.1", 2222)).build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 */
public final class SshServer implements AutoCloseable {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    /** Checks that may wait for an authentication thread; beyond them an attempt fails at once. */
    private static final int AUTHENTICATION_QUEUE = 256;

    private final ServerSettings settings;
    private final InetSocketAddress bindAddress;
    private final ConnectionLimits limits;
    private final StartupLimits startups;
    private ServerSessions sessions;
    private EventLoop loop;
    private Listener listener;

    private SshServer(Builder b) {
        this.bindAddress = b.bind;
        ConnectionLimits given = b.limits();
        // LoginGraceTime runs from the TCP accept to USERAUTH_SUCCESS: the connection's handshake timer.
        this.limits = new ConnectionLimits(b.loginGraceTime, given.idle(), given.linger());
        this.startups = b.startups;
        ExecutorService commands = CommandThreads.bounded("keyway-command-", b.maxCommands);
        ExecutorService checks = CommandThreads.queued("keyway-auth-", b.authenticationThreads, AUTHENTICATION_QUEUE);
        this.settings = new ServerSettings(b.algorithmsOrDefault(), b.pluggedAuthMethods, b.policy(), b.hostKeys, b.passwords, b.publicKeys,
                b.keyboardInteractive, new LoginRules(b.banner, b.maxAuthTries, b.loginGraceTime, b.failureDelay, b.chains),
                b.exec, b.shell, b.subsystems,
                new AcceptedEnvironment(b.acceptEnv != null ? b.acceptEnv : AcceptedEnvironment.DEFAULT_PATTERNS),
                b.connection(ConnectionConfig.server()).withMaxChannels(b.maxSessions)
                        .withMaxPendingRequests(b.maxPendingRequests), b.rekeyAfterBytes(),
                b.observers(), commands, checks, b.clientAlive, b.penalties.table());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts accepting; returns the bound address (with the port chosen for port 0).
     *
     * @throws IllegalStateException when the algorithm source offers nothing in some KEXINIT
     *     field, or lacks an authentication method the server allows
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        sessions = ServerSessions.start(settings);
        loop = EventLoop.start("keyway-server");
        try {
            listener = Listener.bind(loop, bindAddress, sessions::newSession, limits, startups,
                    settings.penalties()::admits);
        } catch (IOException e) {
            loop.close();
            throw e;
        }
        return listener.address();
    }

    /**
     * Stops accepting, says goodbye to every session (SSH_MSG_DISCONNECT BY_APPLICATION), and
     * ends the network thread and the command threads, waiting a bounded time for each.
     */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
        }
        if (sessions != null) {
            sessions.disconnectAll("server shutting down", STOP_LIMIT);
            sessions.close();
        }
        if (loop != null) {
            loop.close();
        }
        for (ExecutorService pool : List.of(settings.commands(), settings.checks())) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Collects a server's settings; host keys and at least one authenticator are required. */
    public static final class Builder extends EndpointBuilder<Builder> {
        private List<KeyPair> hostKeys = List.of();
        private boolean pluggedAuthMethods;
        private PasswordAuthenticator passwords;
        private PublicKeyAuthenticator publicKeys;
        private KeyboardInteractiveAuthenticator keyboardInteractive;
        private CommandHandler exec;
        private CommandHandler shell;
        private final Map<String, CommandHandler> subsystems = new HashMap<>();
        private List<String> acceptEnv;
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int maxCommands = 64;
        private String banner;
        private int maxAuthTries = UserAuthServerConfig.DEFAULT_MAX_ATTEMPTS;
        private Duration loginGraceTime = UserAuthServerConfig.DEFAULT_LOGIN_GRACE_TIME;
        private Duration failureDelay = UserAuthServerConfig.DEFAULT_FAILURE_DELAY;
        private final List<List<String>> chains = new ArrayList<>();
        private StartupLimits startups = StartupLimits.defaults();
        private int maxSessions = ConnectionConfig.DEFAULT_MAX_CHANNELS;
        private int maxPendingRequests = ConnectionConfig.DEFAULT_MAX_PENDING_REQUESTS;
        private KeepAlive clientAlive = KeepAlive.NONE;
        private SourcePenalties penalties = SourcePenalties.defaults();
        private int authenticationThreads = 4;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The host key pairs (RFC 4253 §8), one per key type at most. */
        public Builder hostKeys(List<KeyPair> keys) {
            this.hostKeys = List.copyOf(keys);
            return this;
        }

        /** Enables {@code password} (RFC 4252 §8). */
        public Builder passwordAuthenticator(PasswordAuthenticator authenticator) {
            this.passwords = Objects.requireNonNull(authenticator);
            return this;
        }

        /** Enables {@code publickey} (RFC 4252 §7). */
        public Builder publicKeyAuthenticator(PublicKeyAuthenticator authenticator) {
            this.publicKeys = Objects.requireNonNull(authenticator);
            return this;
        }

        /** Enables {@code keyboard-interactive} (RFC 4256). */
        public Builder keyboardInteractiveAuthenticator(KeyboardInteractiveAuthenticator authenticator) {
            this.keyboardInteractive = Objects.requireNonNull(authenticator);
            return this;
        }

        /** Runs {@code exec} requests; without one they are refused. */
        public Builder execHandler(CommandHandler handler) {
            this.exec = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs {@code shell} requests; without one they are refused. */
        public Builder shellHandler(CommandHandler handler) {
            this.shell = Objects.requireNonNull(handler);
            return this;
        }

        /**
         * The variables a client may set with {@code env} requests (RFC 4254 §6.4), as
         * sshd_config's AcceptEnv: names or patterns with {@code *} and {@code ?}; calls add
         * up. {@code LANG} and {@code LC_*} if never called; others are refused, since a
         * variable such as {@code LD_PRELOAD} changes what a command does.
         */
        public Builder acceptEnv(String... patterns) {
            if (acceptEnv == null) {
                acceptEnv = new ArrayList<>();
            }
            acceptEnv.addAll(List.of(patterns));
            return this;
        }

        /** Runs {@code subsystem} requests for {@code name}; other names are refused. */
        public Builder subsystemHandler(String name, CommandHandler handler) {
            subsystems.put(Objects.requireNonNull(name), Objects.requireNonNull(handler));
            return this;
        }

        /** Where to listen; 127.0.0.1 with a free port if not given. */
        public Builder bind(InetSocketAddress address) {
            this.bind = Objects.requireNonNull(address);
            return this;
        }

        /** Text shown to clients before they log in (SSH_MSG_USERAUTH_BANNER, RFC 4252 §5.4); OpenSSH's Banner. */
        public Builder banner(String text) {
            this.banner = Objects.requireNonNull(text);
            return this;
        }

        /**
         * Failed login attempts after which the connection is closed (a first {@code none}
         * probe does not count); 6 by default, as OpenSSH's MaxAuthTries.
         */
        public Builder maxAuthTries(int tries) {
            if (tries < 1) {
                throw new IllegalArgumentException("maxAuthTries must be at least 1");
            }
            this.maxAuthTries = tries;
            return this;
        }

        /**
         * How long a client may take from the TCP connection to a successful login; 120 s by
         * default, as OpenSSH's LoginGraceTime. A connection past it gets DISCONNECT.
         */
        public Builder loginGraceTime(Duration grace) {
            if (grace.isNegative() || grace.isZero()) {
                throw new IllegalArgumentException("the login grace time must be positive");
            }
            this.loginGraceTime = grace;
            return this;
        }

        /**
         * Requires these methods to succeed one after the other, e.g. {@code "publickey",
         * "password"}; each success but the last is a partial success (RFC 4252 §5.1). Called
         * several times, any one chain will do. Without it any one method does. OpenSSH's
         * AuthenticationMethods.
         */
        public Builder authenticationMethods(String... chain) {
            if (chain.length == 0) {
                throw new IllegalArgumentException("a chain names at least one method");
            }
            chains.add(List.of(chain));
            return this;
        }

        /**
         * The least time between a password (or keyboard-interactive) request and the FAILURE
         * that answers a wrong one; 1 s by default. Zero answers at once.
         */
        public Builder failureDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the failure delay cannot be negative");
            }
            this.failureDelay = delay;
            return this;
        }

        /**
         * How many connections may wait for their login, and how the server sheds them beyond
         * that: sshd's MaxStartups and PerSourceMaxStartups; 10:30:100 and no per-source cap
         * by default. See {@link StartupLimits}.
         */
        public Builder maxStartups(StartupLimits limits) {
            this.startups = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * How many requests on one channel may wait for this server's reply; 64 by default. A
         * client that asks for more without reading the answers is disconnected.
         */
        public Builder maxPendingRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPendingRequests must be positive");
            }
            this.maxPendingRequests = max;
            return this;
        }

        /** How many channels one connection may have open; 10 by default, as sshd's MaxSessions. */
        public Builder maxSessions(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxSessions must be positive");
            }
            this.maxSessions = max;
            return this;
        }

        /**
         * sshd's ClientAliveInterval and ClientAliveCountMax: once a logged-in client has been
         * silent for {@code interval}, ask it for a sign of life ({@code keepalive@openssh.com});
         * after {@code countMax} unanswered, end the session. Off by default, as in sshd.
         */
        public Builder clientAlive(Duration interval, int countMax) {
            this.clientAlive = new KeepAlive(interval, countMax);
            return this;
        }

        /** sshd's PerSourcePenalties; {@link SourcePenalties#defaults()} unless set. */
        public Builder perSourcePenalties(SourcePenalties penalties) {
            this.penalties = Objects.requireNonNull(penalties);
            return this;
        }

        /**
         * How many authenticators (password, public key, keyboard-interactive checks) may run at
         * once, on threads of their own, so that a slow directory lookup does not hold up the
         * network thread; 4 by default, with a queue of 256 behind them.
         */
        public Builder authenticationThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("authenticationThreads must be positive");
            }
            this.authenticationThreads = threads;
            return this;
        }

        /**
         * Lets later sessions take their user authentication methods ({@code password},
         * {@code publickey}, ...) from the algorithm source as it is when they start. By default
         * a server keeps the methods of the snapshot it started with: the server half of a method
         * decides who logs in, and a provider that arrives later and ranks higher must not
         * replace it unless the embedder says so. Key exchange, host key, cipher, MAC and
         * compression algorithms always follow the source.
         */
        public Builder allowPluggedAuthMethods() {
            this.pluggedAuthMethods = true;
            return this;
        }

        /** How many commands may run at once across all sessions; more are refused. */
        public Builder maxCommands(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxCommands must be positive");
            }
            this.maxCommands = max;
            return this;
        }

        public SshServer build() {
            if (hostKeys.isEmpty()) {
                throw new IllegalStateException("a server needs at least one host key");
            }
            if (passwords == null && publicKeys == null && keyboardInteractive == null) {
                throw new IllegalStateException("no authenticator: nobody could log in");
            }
            return new SshServer(this);
        }
    }
}
