package dev.keyway.userauth;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.MessageSender;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.ClientAuthExchange.ClientStep;
import dev.keyway.userauth.internal.BannerMessage;
import dev.keyway.userauth.internal.ClientContext;
import dev.keyway.userauth.internal.FailureMessage;
import dev.keyway.userauth.internal.MessageNumbers;
import dev.keyway.userauth.internal.UserAuthRequest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client side of SSH user authentication (RFC 4252) without I/O. Like OpenSSH it starts
 * with {@code none} to learn the methods the server offers, then tries, in its own order,
 * each method the server lists: a method keeps going (the next key, another password) while
 * the server lists it and the method has something left to try. Partial success (RFC 4252
 * §5.1) moves on to what the server lists next. It ends with a
 * {@link UserAuthClientEvent.Succeeded} or {@link UserAuthClientEvent.Failed} event.
 *
 * <p>The owner sends SERVICE_REQUEST {@code ssh-userauth} and waits for SERVICE_ACCEPT
 * (RFC 4253 §10) before {@link #start()}. Not thread-safe.
 */
public final class UserAuthClient {
    private static final String NONE = "none";

    private enum State { NEW, WAITING, SUCCEEDED, FAILED }

    private final UserAuthClientConfig config;
    private final MessageSender sender;
    private final ClientContext context;
    private final Deque<UserAuthClientEvent> events = new ArrayDeque<>();
    private final Set<String> exhausted = new HashSet<>();
    private State state = State.NEW;
    private List<String> serverMethods = List.of();
    private ClientAuthExchange exchange;
    private String method;

    public UserAuthClient(UserAuthClientConfig config, MessageSender sender) {
        this.config = config;
        this.sender = sender;
        this.context = new ClientContext(config.userName, config.serviceName, config.sessionId, config.registry,
                config.serverSigAlgs, config.random, config.credentials);
    }

    /** Sends the first request, {@code none} (RFC 4252 §5.2). */
    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        state = State.WAITING;
        method = NONE;
        events.add(new UserAuthClientEvent.Attempting(NONE));
        sendRequest(NONE, new byte[0]);
    }

    /**
     * One message, number first, at {@code buf[off, off+len)}.
     *
     * @throws SshProtocolException when the server broke the protocol; disconnect with its reason
     */
    public void receive(byte[] buf, int off, int len) throws SshProtocolException {
        if (state == State.SUCCEEDED || state == State.FAILED) {
            return;
        }
        int type = len > 0 ? buf[off] & 0xff : -1;
        if (state == State.NEW) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "authentication message before start");
        }
        if (type == MessageNumbers.USERAUTH_BANNER) {
            BannerMessage banner = BannerMessage.decode(buf, off, len);
            events.add(new UserAuthClientEvent.Banner(banner.message(), banner.language()));
        } else if (type == MessageNumbers.USERAUTH_SUCCESS && len == 1) {
            state = State.SUCCEEDED;
            events.add(new UserAuthClientEvent.Succeeded());
        } else if (type == MessageNumbers.USERAUTH_FAILURE) {
            onFailure(FailureMessage.decode(buf, off, len));
        } else if (MessageNumbers.isMethodSpecific(type) && exchange != null) {
            onStep(exchange.onMessage(Arrays.copyOfRange(buf, off, off + len)));
        } else {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "unexpected user authentication message " + type);
        }
    }

    /** The next event, or null. */
    public UserAuthClientEvent pollEvent() {
        return events.poll();
    }

    public boolean isAuthenticated() {
        return state == State.SUCCEEDED;
    }

    /** Whether the client is done, authenticated or out of methods. */
    public boolean isFinished() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }

    private void onFailure(FailureMessage failure) {
        serverMethods = failure.canContinue();
        if (failure.partialSuccess()) {
            events.add(new UserAuthClientEvent.PartialSuccess(serverMethods));
            exchange = null;
        }
        if (exchange != null) {
            Optional<byte[]> again = serverMethods.contains(method) ? exchange.nextRequest() : Optional.empty();
            if (again.isPresent()) {
                sendRequest(method, again.get());
                return;
            }
            exhausted.add(method);
            exchange = null;
        }
        tryNextMethod();
    }

    private void onStep(ClientStep step) {
        if (step instanceof ClientStep.Send send) {
            sender.send(send.payload());
        } else if (step instanceof ClientStep.Request request) {
            sendRequest(method, request.methodFields());
        } else {
            exhausted.add(method);
            exchange = null;
            tryNextMethod();
        }
    }

    private void tryNextMethod() {
        for (String name : config.methodOrder) {
            if (!serverMethods.contains(name) || exhausted.contains(name)) {
                continue;
            }
            ClientAuthExchange candidate = config.registry.userAuthMethod(name)
                    .map(m -> m.startClient(context))
                    .orElse(null);
            Optional<byte[]> first = candidate == null ? Optional.empty() : candidate.nextRequest();
            if (first.isEmpty()) {
                exhausted.add(name);
                continue;
            }
            exchange = candidate;
            method = name;
            events.add(new UserAuthClientEvent.Attempting(name));
            sendRequest(name, first.get());
            return;
        }
        state = State.FAILED;
        events.add(new UserAuthClientEvent.Failed(serverMethods));
    }

    private void sendRequest(String methodName, byte[] fields) {
        byte[] payload = new UserAuthRequest(config.userName, config.serviceName, methodName, fields).encode();
        // The fields may hold a password; this engine keeps no copy of them.
        Arrays.fill(fields, (byte) 0);
        sender.send(payload);
    }
}
