package dev.keyway.userauth;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.MessageSender;
import dev.keyway.api.SshProtocolException;
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

/**
 * The server side of SSH user authentication (RFC 4252) without I/O: the owner feeds it the
 * messages numbered 50 to 79 and passes time in; replies go out through a
 * {@link MessageSender}, results come out of {@link #pollEvent()}.
 *
 * <p>Rules it enforces:
 * <ul>
 * <li>the service must be {@code ssh-connection}, else the connection ends with
 *     SERVICE_NOT_AVAILABLE (RFC 4252 §5);
 * <li>a method not allowed, or not next in any chain, gets FAILURE; FAILURE lists the
 *     methods that can continue and never says what was wrong (RFC 4252 §5.1);
 * <li>the banner, if any, goes out before the first reply (RFC 4252 §5.4);
 * <li>after the attempt limit the connection ends with NO_MORE_AUTH_METHODS_AVAILABLE, and
 *     after the login grace time with BY_APPLICATION; a first {@code none} probe does not
 *     count, as in OpenSSH;
 * <li>after SUCCESS every further authentication message is ignored (RFC 4252 §5.1).
 * </ul>
 * Every error is a checked {@link SshProtocolException} carrying the disconnect reason the
 * owner passes to {@code SshTransport.disconnect}; the engine is closed after one. Not
 * thread-safe.
 */
public final class UserAuthServer {
    private final UserAuthServerConfig config;
    private final MessageSender sender;
    private final long startNanos;
    private final MethodChains chains;
    private final Deque<UserAuthServerEvent> events = new ArrayDeque<>();
    private ServerAuthExchange pending;
    private String pendingMethod;
    private String pendingUser;
    private boolean bannerSent;
    private boolean firstRequest = true;
    private boolean authenticated;
    private boolean closed;
    private int failures;

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
     * the call.
     *
     * @throws SshProtocolException when the connection must end; disconnect with its reason
     */
    public void receive(byte[] buf, int off, int len) throws SshProtocolException {
        if (closed || authenticated) {
            return;
        }
        try {
            int type = len > 0 ? buf[off] & 0xff : -1;
            if (type == MessageNumbers.USERAUTH_REQUEST) {
                onRequest(UserAuthRequest.decode(buf, off, len));
            } else if (MessageNumbers.isMethodSpecific(type) && pending != null) {
                ServerAuthExchange exchange = pending;
                pending = null;
                byte[] message = Arrays.copyOfRange(buf, off, off + len);
                Outcome outcome;
                try {
                    outcome = exchange.onMessage(message);
                } finally {
                    // An INFO_RESPONSE carries the user's answers; keep no copy of them.
                    Arrays.fill(message, (byte) 0);
                }
                handle(pendingUser, pendingMethod, exchange, outcome);
            } else {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "unexpected user authentication message " + type);
            }
        } catch (SshProtocolException e) {
            closed = true;
            throw e;
        }
    }

    /**
     * Passes time in.
     *
     * @throws SshProtocolException with BY_APPLICATION once the login grace time is over
     */
    public void tick(long nowNanos) throws SshProtocolException {
        if (!closed && !authenticated && nowNanos - startNanos >= config.loginGraceNanos) {
            closed = true;
            throw new SshProtocolException(DisconnectReason.BY_APPLICATION, "login grace time is over");
        }
    }

    /** When {@link #tick} will end the login if it has not succeeded, on the owner's clock. */
    public long deadlineNanos() {
        return startNanos + config.loginGraceNanos;
    }

    /** The next event, or null. */
    public UserAuthServerEvent pollEvent() {
        return events.poll();
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** Whether an error has ended authentication; the engine then ignores input. */
    public boolean isClosed() {
        return closed;
    }

    private void onRequest(UserAuthRequest request) throws SshProtocolException {
        sendBannerOnce();
        pending = null;
        if (!UserAuthClientConfig.SSH_CONNECTION.equals(request.service())) {
            throw new SshProtocolException(DisconnectReason.SERVICE_NOT_AVAILABLE, "service not available");
        }
        // OpenSSH does not count the first "none", which clients send to learn the methods.
        boolean counted = !(firstRequest && "none".equals(request.method()));
        firstRequest = false;
        chains.bindUser(request.user());
        if (!chains.next().contains(request.method())) {
            fail(request.user(), request.method(), counted);
            return;
        }
        UserAuthMethod method = config.registry.userAuthMethod(request.method()).orElseThrow();
        ServerAuthExchange exchange = method.startServer(new ServerContext(request.user(), request.service(),
                config.sessionId, config.registry, config.authenticators));
        handle(request.user(), request.method(), exchange, exchange.onRequest(new SshReader(request.fields())));
    }

    private void handle(String user, String method, ServerAuthExchange exchange, Outcome outcome)
            throws SshProtocolException {
        if (outcome instanceof Outcome.Reply reply) {
            pending = exchange;
            pendingMethod = method;
            pendingUser = user;
            sender.send(reply.payload());
        } else if (outcome instanceof Outcome.Success) {
            chains.succeeded(method);
            if (chains.isComplete()) {
                authenticated = true;
                sender.send(new byte[] {(byte) MessageNumbers.USERAUTH_SUCCESS});
                events.add(new UserAuthServerEvent.Authenticated(user, chains.done()));
            } else {
                events.add(new UserAuthServerEvent.PartialSuccess(user, chains.done()));
                sender.send(new FailureMessage(chains.canContinue(), true).encode());
            }
        } else if (outcome instanceof Outcome.PartialSuccess) {
            // The method itself wants more of the same (none of the standard ones does):
            // partial success without progress in a chain.
            sender.send(new FailureMessage(chains.canContinue(), true).encode());
        } else {
            fail(user, method, true);
        }
    }

    private void fail(String user, String method, boolean counted) throws SshProtocolException {
        if (counted) {
            failures++;
            events.add(new UserAuthServerEvent.AttemptFailed(user, method));
            if (failures >= config.maxAttempts) {
                throw new SshProtocolException(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE,
                        "too many authentication failures");
            }
        }
        sender.send(new FailureMessage(chains.canContinue(), false).encode());
    }

    private void sendBannerOnce() {
        if (!bannerSent) {
            bannerSent = true;
            config.banner().ifPresent(text -> sender.send(new BannerMessage(text, "").encode()));
        }
    }
}
