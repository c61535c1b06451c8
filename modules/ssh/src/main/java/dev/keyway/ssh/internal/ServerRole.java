package dev.keyway.ssh.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.connection.ConnectionEngine;
import dev.keyway.connection.ConnectionEvent;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import dev.keyway.userauth.UserAuthServer;
import dev.keyway.userauth.UserAuthServerEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's stack: after the key exchange it accepts {@code ssh-userauth} (RFC 4253 §10),
 * authenticates the user within the login grace time (RFC 4252), then serves session channels
 * (RFC 4254 §6) with the embedder's handlers.
 *
 * <pre>
 *  [service request] ─ SERVICE_REQUEST ssh-userauth ─▶ [user auth] ─ USERAUTH_SUCCESS ─▶ [connection]
 *        │ another service: SERVICE_NOT_AVAILABLE          │ grace time over, too many failures
 *        └ anything else: PROTOCOL_ERROR                   └▶ DISCONNECT
 * </pre>
 */
final class ServerRole implements SessionRole {
    private final SessionDriver driver;
    private final SshTransport transport;
    private final ServerSettings settings;
    private final Map<Integer, ServerChannel> channels = new HashMap<>();
    private UserAuthServer userAuth;
    private ConnectionEngine engine;
    private String user;
    private LoginRestrictions restrictions;

    ServerRole(SessionDriver driver, ServerSettings settings) {
        this.driver = driver;
        this.transport = driver.transport();
        this.settings = settings;
    }

    /** A new server session for an accepted connection. */
    static SessionDriver newSession(ServerSettings settings) {
        return new SessionDriver(SshTransport.server(settings.transport()), d -> new ServerRole(d, settings),
                settings.observers());
    }

    @Override
    public void onTransportEvent(TransportEvent event) {
        // The transport's events are for logs here; the service layer starts on SERVICE_REQUEST.
    }

    @Override
    public SessionDriver.MessageReceiver serviceLayer() {
        return (buf, off, len) -> {
            if (buf[off] != ServiceMessages.SERVICE_REQUEST) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "a service accept sent to a server");
            }
            onServiceRequest(ServiceMessages.serviceName(buf, off, len));
        };
    }

    @Override
    public SessionDriver.MessageReceiver userAuthLayer() {
        // After SUCCESS the engine ignores further requests, as RFC 4252 §5.1 asks.
        return userAuth == null ? null : (buf, off, len) -> userAuth.receive(buf, off, len, System.nanoTime());
    }

    @Override
    public SessionDriver.MessageReceiver connectionLayer() {
        return engine == null ? null : engine::receive;
    }

    private void onServiceRequest(String service) throws SshProtocolException {
        if (userAuth != null) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "a second service request");
        }
        if (!ServiceMessages.USERAUTH.equals(service)) {
            throw new SshProtocolException(DisconnectReason.SERVICE_NOT_AVAILABLE, "service not available");
        }
        driver.send(ServiceMessages.encode(ServiceMessages.SERVICE_ACCEPT, service));
        byte[] sessionId = transport.sessionId().orElseThrow();
        long now = System.nanoTime();
        userAuth = new UserAuthServer(settings.userAuth(sessionId, driver.remoteAddress()), driver::send, now);
        driver.schedule(Duration.ofNanos(userAuth.deadlineNanos() - now), () -> userAuth.tick(System.nanoTime()));
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

    private void pollUserAuth() {
        for (UserAuthServerEvent e; (e = userAuth.pollEvent()) != null; ) {
            if (e instanceof UserAuthServerEvent.Authenticated a) {
                user = a.user();
                restrictions = a.restrictions();
                engine = new ConnectionEngine(false, settings.connection(), driver::send);
            }
        }
    }

    private void pollConnection() {
        for (ConnectionEvent e; (e = engine.pollEvent()) != null; ) {
            onConnectionEvent(e);
        }
    }

    private void onConnectionEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.ChannelOpenRequested open) {
            engine.acceptOpen(open.channel());
            channels.put(open.channel(), new ServerChannel(new ChannelBridge(open.channel(), engine, driver), engine,
                    driver, settings, user, restrictions));
        } else if (event instanceof ConnectionEvent.ChannelRequestReceived r) {
            boolean ok = channels.get(r.channel()).onRequest(r.request());
            if (r.wantReply()) {
                engine.replyToRequest(r.channel(), ok);
            }
        } else if (event instanceof ConnectionEvent.ChannelData d) {
            channels.get(d.channel()).bridge().onData(d.data());
        } else if (event instanceof ConnectionEvent.ChannelExtendedData d) {
            engine.consumed(d.channel(), d.data().length); // no command reads a client's extended data
        } else if (event instanceof ConnectionEvent.WindowAdjusted w) {
            channels.get(w.channel()).bridge().pump();
        } else if (event instanceof ConnectionEvent.ChannelEof eof) {
            channels.get(eof.channel()).bridge().onEof();
        } else if (event instanceof ConnectionEvent.ChannelClosed c) {
            channels.remove(c.channel()).onEnded("channel closed");
        }
    }

    @Override
    public void onEnded(String why) {
        for (ServerChannel c : List.copyOf(channels.values())) {
            c.onEnded(why);
        }
        channels.clear();
    }
}
