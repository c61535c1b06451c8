package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.connection.ConnectionEngine;
import dev.keyway.connection.ConnectionEvent;
import dev.keyway.ssh.AuthenticationException;
import dev.keyway.ssh.Credentials;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import dev.keyway.userauth.UserAuthClient;
import dev.keyway.userauth.UserAuthClientConfig;
import dev.keyway.userauth.UserAuthClientEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The client's stack: after the first key exchange it asks for {@code ssh-userauth} (RFC 4253
 * §10), logs in with the caller's credentials (RFC 4252), then runs session channels
 * (RFC 4254 §6) for the caller.
 *
 * <pre>
 *  [key exchange] ─ NEWKEYS ─▶ SERVICE_REQUEST ─▶ [service accept] ─ SERVICE_ACCEPT ─▶ [user auth]
 *     ─ USERAUTH_SUCCESS ─▶ [connection]         out of methods ─▶ DISCONNECT NO_MORE_AUTH_METHODS
 * </pre>
 */
final class ClientRole implements SessionRole {
    private enum Stage { KEY_EXCHANGE, SERVICE_ACCEPT, USER_AUTH, CONNECTION }

    private final SessionDriver driver;
    private final SshTransport transport;
    private final ClientSettings settings;
    /** The algorithms this session started with, kept to its end. */
    private final AlgorithmRegistry registry;
    private final String user;
    /** Asked once the host key is accepted: what to log in with (ssh(1) withholds passwords from a changed key). */
    private final Function<ServerHostKey, Credentials> credentialsFor;
    private final CompletableFuture<Void> authenticated = new CompletableFuture<>();
    private final Map<Integer, ClientChannel> channels = new HashMap<>();
    private Stage stage = Stage.KEY_EXCHANGE;
    private List<String> serverSigAlgs = List.of();
    private UserAuthClient userAuth;
    private ConnectionEngine engine;
    private KeepAlive.Watch keepAlive;

    ClientRole(SessionDriver driver, ClientSettings settings, AlgorithmRegistry registry, String user,
            Function<ServerHostKey, Credentials> credentialsFor) {
        this.driver = driver;
        this.transport = driver.transport();
        this.settings = settings;
        this.registry = registry;
        this.user = user;
        this.credentialsFor = credentialsFor;
    }

    /** Completes once the server accepted the login; fails with the reason otherwise. */
    CompletableFuture<Void> authenticated() {
        return authenticated;
    }

    @Override
    public void onTransportEvent(TransportEvent event) {
        if (event instanceof TransportEvent.KeysEstablished k && stage == Stage.KEY_EXCHANGE) {
            stage = Stage.SERVICE_ACCEPT;
            driver.send(ServiceMessages.encode(ServiceMessages.SERVICE_REQUEST, ServiceMessages.USERAUTH));
        } else if (event instanceof TransportEvent.ExtensionInfo x) {
            serverSigAlgs = x.serverSigAlgs().orElse(List.of());
        }
    }

    @Override
    public SessionDriver.MessageReceiver serviceLayer() {
        return (buf, off, len) -> {
            if (buf[off] != ServiceMessages.SERVICE_ACCEPT || stage != Stage.SERVICE_ACCEPT
                    || !ServiceMessages.USERAUTH.equals(ServiceMessages.serviceName(buf, off, len))) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "unexpected service message");
            }
            // The driver acted on the EXT_INFO before this message, so server-sig-algs is known.
            startUserAuth();
        };
    }

    @Override
    public SessionDriver.MessageReceiver userAuthLayer() {
        return userAuth == null ? null : userAuth::receive;
    }

    @Override
    public SessionDriver.MessageReceiver connectionLayer() {
        return engine == null ? null : engine::receive;
    }

    @Override
    public void pollEngines() throws SshProtocolException {
        if (userAuth != null) {
            pollUserAuth();
        }
        if (engine != null) {
            pollConnection();
        }
    }

    private void startUserAuth() throws SshProtocolException {
        stage = Stage.USER_AUTH;
        UserAuthClientConfig.Builder b = UserAuthClientConfig.builder(registry, transport.sessionId().orElseThrow(), user)
                .serverSignatureAlgorithms(serverSigAlgs);
        Credentials credentials = credentialsFor();
        credentials.keyPairs().ifPresent(k -> b.credential(UserKeyPairs.class, k));
        credentials.passwords().ifPresent(p -> b.credential(PasswordSource.class, p));
        credentials.prompter().ifPresent(p -> b.credential(InteractivePrompter.class, p));
        userAuth = new UserAuthClient(b.build(), driver::send);
        userAuth.start();
    }

    /** The embedder's choice for the host key the verifier accepted, which the driver holds once the keys are in force. */
    private Credentials credentialsFor() throws SshProtocolException {
        try {
            return Objects.requireNonNull(credentialsFor.apply(driver.hostKey()));
        } catch (RuntimeException e) {
            // The embedder's code failed: end the session as an error, not the network thread.
            throw new SshProtocolException(DisconnectReason.BY_APPLICATION, "no credentials for this host key");
        }
    }

    private void pollUserAuth() throws SshProtocolException {
        for (UserAuthClientEvent e; (e = userAuth.pollEvent()) != null; ) {
            if (e instanceof UserAuthClientEvent.Banner b) {
                settings.banners().accept(b.message());
            } else if (e instanceof UserAuthClientEvent.Succeeded && stage == Stage.USER_AUTH) {
                stage = Stage.CONNECTION;
                engine = new ConnectionEngine(true, settings.connection().withSendLimit(driver.maxChannelData()),
                        driver::send);
                keepAlive = settings.serverAlive().watch(driver, engine, "server", () -> { });
                authenticated.complete(null);
            } else if (e instanceof UserAuthClientEvent.Failed f) {
                authenticated.completeExceptionally(new AuthenticationException(f.canContinue()));
                throw new SshProtocolException(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE,
                        "no more authentication methods to try");
            }
        }
    }

    /** Opens a session channel (RFC 4254 §6.1); loop thread. */
    ClientChannel openSession() {
        ClientChannel c = new ClientChannel(new ChannelBridge(engine.openSession(), engine, driver));
        channels.put(c.bridge().id, c);
        return c;
    }

    ConnectionEngine engine() {
        return engine;
    }

    private void pollConnection() {
        for (ConnectionEvent e; (e = engine.pollEvent()) != null; ) {
            onConnectionEvent(e);
        }
    }

    private void onConnectionEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.ChannelOpened o) {
            channels.get(o.channel()).onOpened();
        } else if (event instanceof ConnectionEvent.ChannelOpenFailed f) {
            channels.remove(f.channel()).onEnded("the server refused the channel: " + f.description());
        } else if (event instanceof ConnectionEvent.ChannelData d) {
            channels.get(d.channel()).bridge().onData(d.data());
        } else if (event instanceof ConnectionEvent.ChannelExtendedData d) {
            if (d.dataType() == ConnectionEngine.EXTENDED_DATA_STDERR) {
                channels.get(d.channel()).bridge().onExtendedData(d.data());
            } else {
                engine.consumed(d.channel(), d.data().length);
            }
        } else if (event instanceof ConnectionEvent.WindowAdjusted w) {
            channels.get(w.channel()).bridge().pump();
        } else if (event instanceof ConnectionEvent.ChannelEof eof) {
            channels.get(eof.channel()).bridge().onEof();
        } else if (event instanceof ConnectionEvent.ChannelRequestReplied r) {
            channels.get(r.channel()).onReply(r.success());
        } else if (event instanceof ConnectionEvent.ChannelRequestReceived r) {
            channels.get(r.channel()).onRequest(r.request());
            if (r.wantReply()) {
                engine.replyToRequest(r.channel(), false); // exit-status and exit-signal want none
            }
        } else if (event instanceof ConnectionEvent.ChannelClosed c) {
            channels.remove(c.channel()).onEnded("channel closed");
        } else if (event instanceof ConnectionEvent.GlobalRequestReplied) {
            keepAlive.answered();
        }
    }

    @Override
    public boolean loggedIn() {
        return engine != null;
    }

    @Override
    public String handshakeTimeoutMessage() {
        return "handshake timeout";
    }

    @Override
    public void onOutputFlushed() {
        for (ClientChannel c : channels.values()) {
            c.bridge().pump();
        }
    }

    @Override
    public void onEnded(TransportEvent.Disconnected how) {
        String why = how.reason() + (how.byPeer() ? " from the peer: " : ": ") + how.description();
        authenticated.completeExceptionally(new IOException("the session ended: " + why));
        for (ClientChannel c : List.copyOf(channels.values())) {
            c.onEnded(why);
        }
        channels.clear();
    }
}
