package dev.keyway.userauth;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.userauth.internal.TypedInstances;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The policy of a {@link UserAuthServer}: which methods are allowed (implementations come
 * from the registry's {@code userAuthMethod(name)}), which chains of them authenticate a user
 * (RFC 4252 §5.1 partial success), the embedder's authenticators, the banner (RFC 4252
 * §5.4), the attempt limit and the login grace time. Immutable; build with {@link #builder}.
 */
public final class UserAuthServerConfig {
    /** OpenSSH's MaxAuthTries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** OpenSSH's LoginGraceTime. */
    public static final Duration DEFAULT_LOGIN_GRACE_TIME = Duration.ofSeconds(120);
    /**
     * How long a failed password or keyboard-interactive attempt takes at least before its
     * FAILURE goes out, counted from the request: PAM's usual delay is 2 s, OpenSSH's own
     * minimum a few milliseconds; a second keeps online guessing slow without annoying a
     * user who mistyped.
     */
    public static final Duration DEFAULT_FAILURE_DELAY = Duration.ofSeconds(1);

    final AlgorithmRegistry registry;
    final byte[] sessionId;
    final List<String> allowedMethods;
    final List<List<String>> chains;
    final TypedInstances authenticators;
    final String banner;
    final int maxAttempts;
    final long loginGraceNanos;
    final long failureDelayNanos;
    final InetSocketAddress client;
    final List<String> publicKeyAlgorithms;
    final Executor checks;

    private UserAuthServerConfig(Builder b) {
        registry = b.registry;
        sessionId = b.sessionId.clone();
        allowedMethods = List.copyOf(b.allowed);
        for (String m : allowedMethods) {
            if (registry.userAuthMethod(m).isEmpty()) {
                throw new IllegalArgumentException("no provider in the registry offers method " + m);
            }
        }
        if (b.chains.isEmpty()) {
            chains = allowedMethods.stream().map(List::of).toList();
        } else {
            for (List<String> chain : b.chains) {
                if (chain.isEmpty() || !allowedMethods.containsAll(chain)) {
                    throw new IllegalArgumentException("chain " + chain + " uses a method that is not allowed");
                }
            }
            chains = List.copyOf(b.chains);
        }
        authenticators = TypedInstances.of(b.authenticators);
        banner = b.banner;
        maxAttempts = b.maxAttempts;
        loginGraceNanos = b.loginGrace.toNanos();
        failureDelayNanos = b.failureDelay.toNanos();
        client = b.client;
        publicKeyAlgorithms = b.publicKeyAlgorithms != null ? List.copyOf(b.publicKeyAlgorithms)
                : registry.names(dev.keyway.api.AlgorithmCategory.HOST_KEY);
        checks = b.checks;
    }

    /**
     * @param registry where the method implementations come from
     * @param sessionId the transport's session identifier (RFC 4253 §7.2), which publickey
     *     signatures cover (RFC 4252 §7)
     */
    public static Builder builder(AlgorithmRegistry registry, byte[] sessionId) {
        return new Builder(registry, sessionId);
    }

    public List<String> allowedMethods() {
        return allowedMethods;
    }

    public List<List<String>> chains() {
        return chains;
    }

    public Optional<String> banner() {
        return Optional.ofNullable(banner);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration loginGraceTime() {
        return Duration.ofNanos(loginGraceNanos);
    }

    public Duration failureDelay() {
        return Duration.ofNanos(failureDelayNanos);
    }

    /** The signature algorithms accepted for user keys (RFC 8308 §3.1 {@code server-sig-algs}). */
    public List<String> publicKeyAlgorithms() {
        return publicKeyAlgorithms;
    }

    /** Collects the policy. */
    public static final class Builder {
        private final AlgorithmRegistry registry;
        private final byte[] sessionId;
        private final List<String> allowed = new ArrayList<>();
        private final List<List<String>> chains = new ArrayList<>();
        private final Map<Class<?>, Object> authenticators = new LinkedHashMap<>();
        private String banner;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration loginGrace = DEFAULT_LOGIN_GRACE_TIME;
        private Duration failureDelay = DEFAULT_FAILURE_DELAY;
        private InetSocketAddress client;
        private List<String> publicKeyAlgorithms;
        private Executor checks = Runnable::run;

        private Builder(AlgorithmRegistry registry, byte[] sessionId) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.sessionId = Objects.requireNonNull(sessionId, "sessionId").clone();
        }

        /**
         * Allows these methods, by name. {@code none} is answered with FAILURE unless allowed
         * here (RFC 4252 §5.2); allowing it lets anyone in.
         */
        public Builder allowMethods(String... names) {
            for (String n : names) {
                if (!allowed.contains(n)) {
                    allowed.add(n);
                }
            }
            return this;
        }

        /**
         * Requires these methods to succeed in this order (RFC 4252 §5.1 partial success),
         * e.g. {@code publickey} then {@code password}. With several chains, completing any
         * one authenticates; with none, any allowed method alone does.
         */
        public Builder requireChain(String... methods) {
            chains.add(List.of(methods));
            return this;
        }

        /**
         * An authenticator a method looks up by its interface, e.g.
         * {@code PasswordAuthenticator.class}.
         */
        public <T> Builder authenticator(Class<T> type, T authenticator) {
            authenticators.put(type, type.cast(Objects.requireNonNull(authenticator, "authenticator")));
            return this;
        }

        /** Text sent as SSH_MSG_USERAUTH_BANNER (RFC 4252 §5.4) before the first reply. */
        public Builder banner(String text) {
            banner = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Failed attempts after which the server disconnects; OpenSSH's MaxAuthTries. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            maxAttempts = attempts;
            return this;
        }

        /** How long a client may take to authenticate; OpenSSH's LoginGraceTime. */
        public Builder loginGraceTime(Duration grace) {
            if (grace.isNegative() || grace.isZero()) {
                throw new IllegalArgumentException("login grace time must be positive");
            }
            loginGrace = grace;
            return this;
        }

        /**
         * The least time between a request and the FAILURE that answers a wrong password or
         * keyboard-interactive answer; {@link #DEFAULT_FAILURE_DELAY} unless set. Zero for none.
         */
        public Builder failureDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the failure delay cannot be negative");
            }
            failureDelay = delay;
            return this;
        }

        /** The client's address, which methods may check (an authorized key's {@code from=}). */
        public Builder clientAddress(InetSocketAddress address) {
            client = address;
            return this;
        }

        /**
         * The signature algorithms a {@code publickey} request may use, as announced in
         * {@code server-sig-algs}; every signature algorithm of the registry unless set.
         */
        public Builder publicKeyAlgorithms(List<String> names) {
            publicKeyAlgorithms = List.copyOf(names);
            return this;
        }

        /**
         * Where the embedder's authenticators run ({@code ServerAuthContext.offload}); the
         * caller's thread unless set, which suits a test. A server gives a bounded pool.
         */
        public Builder checkExecutor(Executor executor) {
            checks = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public UserAuthServerConfig build() {
            return new UserAuthServerConfig(this);
        }
    }
}
