package dev.keyway.userauth;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.MessageSender;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.ServerAuthExchange.Outcome;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import dev.keyway.userauth.internal.BannerMessage;
import dev.keyway.userauth.internal.FailureMessage;
import dev.keyway.userauth.internal.MessageNumbers;
import dev.keyway.userauth.internal.MethodChains;
import dev.keyway.userauth.internal.ServerContext;
import dev.keyway.userauth.internal.UserAuthRequest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The server side of SSH user authentication (RFC 4252) without I/O: the owner feeds it the
 * messages numbered 50 to 79 with the time, replies go out through a {@link MessageSender},
 * results come out of {@link #pollEvent()}.
 *
 * <p>Rules it enforces:
 * <ul>
 * <li>the service must be {@code ssh-connection}, else the connection ends with
 *     SERVICE_NOT_AVAILABLE (RFC 4252 §5);
 * <li>a method not allowed, or not next in any chain, gets FAILURE; FAILURE lists the
 *     methods that can continue and never says what was wrong (RFC 4252 §5.1);
 * <li>the banner, if any, goes out before the first reply (RFC 4252 §5.4);
 * <li>a wrong password or keyboard-interactive answer is answered no sooner than the failure
 *     delay after its request, so that guessing is slow;
 * <li>after the attempt limit the connection ends with NO_MORE_AUTH_METHODS_AVAILABLE, and
 *     after the login grace time with BY_APPLICATION; a first {@code none} probe does not
 *     count, as in OpenSSH;
 * <li>after SUCCESS every further authentication message is ignored (RFC 4252 §5.1).
 * </ul>
 *
 * <p>States, one at a time:
 * <pre>
 *  READY ─ request ─▶ method's outcome: Reply ─▶ IN_METHOD ─ method message ─▶ outcome …
 *                                      Pending ─▶ CHECKING ─ {@link #resume} ─▶ outcome …
 *                                      Failure (secret) ─▶ DELAYING ─ {@link #tick} ─▶ READY
 *                                      Failure, Partial ─▶ READY      Success ─▶ AUTHENTICATED
 *  any state ─ limit, grace time, protocol error ─▶ CLOSED
 * </pre>
 * While CHECKING or DELAYING the engine takes no message ({@link #wantsInput()} is false):
 * the owner holds the client's next messages back until then, so a slow check costs the
 * client time and the server nothing but a waiting request.
 *
 * <p>Every error is a checked {@link SshProtocolException} carrying the disconnect reason the
 * owner passes to {@code SshTransport.disconnect}; the engine is closed after one. Not
 * thread-safe.
 */
public final class UserAuthServer {
    private enum State { READY, IN_METHOD, CHECKING, DELAYING, AUTHENTICATED, CLOSED }

    private final UserAuthServerConfig config;
    private final MessageSender sender;
    private final long startNanos;
    private final MethodChains chains;
    private final Deque<UserAuthServerEvent> events = new ArrayDeque<>();
    private State state = State.READY;
    /** The method exchange of the request being handled (IN_METHOD, CHECKING). */
    private ServerAuthExchange exchange;
    private String method;
    private String user;
    private long requestNanos;
    private CompletionStage<Outcome> checking;
    /** The FAILURE held back while DELAYING, and when it may go. */
    private byte[] delayedFailure;
    private long releaseNanos;
    private boolean bannerSent;
    private boolean firstRequest = true;
    private int failures;
    private LoginRestrictions restrictions = LoginRestrictions.NONE;

    /**
     * @param nowNanos the owner's monotonic clock now ({@code System.nanoTime()}); the login
     *     grace time runs from here
     */
    public UserAuthServer(UserAuthServerConfig config, MessageSender sender, long nowNanos) {
        this.config = config;
        this.sender = sender;
        this.startNanos = nowNanos;
        this.chains = new MethodChains(config.chains);
    }

    /**
     * One message, number first, at {@code buf[off, off+len)}; the bytes are only read during
     * the call. Call only while {@link #wantsInput()}.
     *
     * @param nowNanos the owner's clock, on which the failure delay is counted
     * @throws SshProtocolException when the connection must end; disconnect with its reason
     * @throws IllegalStateException while a check or a delay is in progress
     */
    public void receive(byte[] buf, int off, int len, long nowNanos) throws SshProtocolException {
        if (state == State.CLOSED || state == State.AUTHENTICATED) {
            return;
        }
        if (!wantsInput()) {
            throw new IllegalStateException("a message while " + state + ": the owner must hold it back");
        }
        try {
            int type = len > 0 ? buf[off] & 0xff : -1;
            if (type == MessageNumbers.USERAUTH_REQUEST) {
                requestNanos = nowNanos;
                UserAuthRequest request = UserAuthRequest.decode(buf, off, len);
                try {
                    onRequest(request, nowNanos);
                } finally {
                    // The method fields may hold a password; the method has taken what it needs.
                    Arrays.fill(request.fields(), (byte) 0);
                }
            } else if (MessageNumbers.isMethodSpecific(type) && state == State.IN_METHOD) {
                byte[] message = Arrays.copyOfRange(buf, off, off + len);
                Outcome outcome;
                try {
                    outcome = exchange.onMessage(message);
                } finally {
                    // An INFO_RESPONSE carries the user's answers; keep no copy of them.
                    Arrays.fill(message, (byte) 0);
                }
                handle(outcome, nowNanos);
            } else {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "unexpected user authentication message " + type);
            }
        } catch (SshProtocolException e) {
            close();
            throw e;
        }
    }

    /**
     * Whether the engine takes the client's next message: not while an embedder's check runs
     * or a failure is being delayed.
     */
    public boolean wantsInput() {
        return state != State.CHECKING && state != State.DELAYING;
    }

    /**
     * The check in progress, if any: once it completes, the owner calls {@link #resume} on
     * its own thread.
     */
    public Optional<CompletionStage<?>> pendingCheck() {
        return state == State.CHECKING ? Optional.of(checking) : Optional.empty();
    }

    /** Takes the outcome of a completed check; nothing happens while it runs on. */
    public void resume(long nowNanos) throws SshProtocolException {
        if (state != State.CHECKING) {
            return;
        }
        CompletableFuture<Outcome> done = checking.toCompletableFuture();
        if (!done.isDone()) {
            return;
        }
        Outcome outcome;
        try {
            outcome = done.join();
        } catch (RuntimeException failedCheck) {
            // The embedder's check threw or the pool was full: a failed attempt, and no detail.
            outcome = Outcome.Failure.wrongSecret();
        }
        checking = null;
        try {
            handle(outcome, nowNanos);
        } catch (SshProtocolException e) {
            close();
            throw e;
        }
    }

    /**
     * Passes time in: sends a delayed FAILURE once its time has come.
     *
     * @throws SshProtocolException with BY_APPLICATION once the login grace time is over
     */
    public void tick(long nowNanos) throws SshProtocolException {
        if (state == State.CLOSED || state == State.AUTHENTICATED) {
            return;
        }
        if (nowNanos - startNanos >= config.loginGraceNanos) {
            close();
            throw new SshProtocolException(DisconnectReason.BY_APPLICATION, "login grace time is over");
        }
        if (state == State.DELAYING && nowNanos - releaseNanos >= 0) {
            state = State.READY;
            sender.send(delayedFailure);
            delayedFailure = null;
        }
    }

    /** When {@link #tick} will end the login if it has not succeeded, on the owner's clock. */
    public long deadlineNanos() {
        return startNanos + config.loginGraceNanos;
    }

    /** When {@link #tick} must next be called: the end of a failure delay, else the grace deadline. */
    public OptionalLong wakeNanos() {
        if (state == State.DELAYING) {
            return OptionalLong.of(releaseNanos);
        }
        return state == State.CLOSED || state == State.AUTHENTICATED ? OptionalLong.empty()
                : OptionalLong.of(deadlineNanos());
    }

    /** The next event, or null. */
    public UserAuthServerEvent pollEvent() {
        return events.poll();
    }

    public boolean isAuthenticated() {
        return state == State.AUTHENTICATED;
    }

    /** Whether an error has ended authentication; the engine then ignores input. */
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    private void onRequest(UserAuthRequest request, long nowNanos) throws SshProtocolException {
        sendBannerOnce();
        exchange = null;
        state = State.READY;
        if (!UserAuthClientConfig.SSH_CONNECTION.equals(request.service())) {
            throw new SshProtocolException(DisconnectReason.SERVICE_NOT_AVAILABLE, "service not available");
        }
        // OpenSSH does not count the first "none", which clients send to learn the methods.
        boolean counted = !(firstRequest && "none".equals(request.method()));
        firstRequest = false;
        if (!request.user().equals(user)) {
            restrictions = LoginRestrictions.NONE;
        }
        user = request.user();
        method = request.method();
        chains.bindUser(request.user());
        if (!chains.next().contains(request.method())) {
            fail(counted, false, "", nowNanos);
            return;
        }
        UserAuthMethod plugin = config.registry.userAuthMethod(request.method()).orElseThrow();
        exchange = plugin.startServer(new ServerContext(request.user(), request.service(), config.sessionId,
                config.registry, config.client, config.publicKeyAlgorithms, config.authenticators, config.checks));
        handle(exchange.onRequest(new SshReader(request.fields())), nowNanos);
    }

    private void handle(Outcome outcome, long nowNanos) throws SshProtocolException {
        if (outcome instanceof Outcome.Pending pending) {
            state = State.CHECKING;
            checking = pending.result();
            // A check that finished at once (a caller-thread executor) needs no second turn.
            resume(nowNanos);
        } else if (outcome instanceof Outcome.Reply reply) {
            state = State.IN_METHOD;
            sender.send(reply.payload());
        } else if (outcome instanceof Outcome.Success success) {
            exchange = null;
            state = State.READY;
            try {
                restrictions = restrictions.and(success.restrictions());
            } catch (IllegalArgumentException conflicting) {
                // Two methods force different commands: no login can honour both (fail closed).
                fail(true, false, success.credential(), nowNanos);
                return;
            }
            chains.succeeded(method);
            if (chains.isComplete()) {
                state = State.AUTHENTICATED;
                sender.send(new byte[] {(byte) MessageNumbers.USERAUTH_SUCCESS});
                events.add(new UserAuthServerEvent.Authenticated(user, chains.done(), restrictions,
                        success.credential()));
            } else {
                events.add(new UserAuthServerEvent.PartialSuccess(user, chains.done(), success.credential()));
                sender.send(new FailureMessage(chains.canContinue(), true).encode());
            }
        } else if (outcome instanceof Outcome.PartialSuccess) {
            // The method itself wants more of the same (none of the standard ones does):
            // partial success without progress in a chain.
            exchange = null;
            state = State.READY;
            sender.send(new FailureMessage(chains.canContinue(), true).encode());
        } else {
            exchange = null;
            Outcome.Failure failure = (Outcome.Failure) outcome;
            fail(true, failure.secretChecked(), failure.credential(), nowNanos);
        }
    }

    private void fail(boolean counted, boolean secretChecked, String credential, long nowNanos)
            throws SshProtocolException {
        if (counted) {
            failures++;
            events.add(new UserAuthServerEvent.AttemptFailed(user, method, credential));
            if (failures >= config.maxAttempts) {
                throw new SshProtocolException(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE,
                        "too many authentication failures");
            }
        }
        byte[] failure = new FailureMessage(chains.canContinue(), false).encode();
        long release = requestNanos + config.failureDelayNanos;
        if (secretChecked && nowNanos - release < 0) {
            state = State.DELAYING;
            delayedFailure = failure;
            releaseNanos = release;
        } else {
            state = State.READY;
            sender.send(failure);
        }
    }

    private void close() {
        state = State.CLOSED;
        exchange = null;
        checking = null;
        delayedFailure = null;
    }

    private void sendBannerOnce() {
        if (!bannerSent) {
            bannerSent = true;
            config.banner().ifPresent(text -> sender.send(new BannerMessage(text, "").encode()));
        }
    }
}
