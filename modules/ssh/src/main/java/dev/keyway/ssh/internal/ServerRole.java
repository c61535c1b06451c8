package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.connection.ConnectionEngine;
import dev.keyway.connection.ConnectionEvent;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import dev.keyway.userauth.UserAuthServer;
import dev.keyway.userauth.UserAuthServerEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The server's stack: after the key exchange it accepts {@code ssh-userauth} (RFC 4253 §10),
 * authenticates the user (RFC 4252) within the login grace time, which the connection's
 * handshake timer counts from the TCP accept, then serves session channels (RFC 4254 §6)
 * with the embedder's handlers.
 *
 * <pre>
 *  [service request] ─ SERVICE_REQUEST ssh-userauth ─▶ [user auth] ─ USERAUTH_SUCCESS ─▶ [connection]
 *        │ another service: SERVICE_NOT_AVAILABLE          │ grace time over, too many failures
 *        └ anything else: PROTOCOL_ERROR                   └▶ DISCONNECT
 * </pre>
 *
 * While the user authentication engine waits (an embedder's check on the authentication
 * pool, or the delay before a FAILURE), the session holds the client's next messages back.
 */
final class ServerRole implements SessionRole {
    private final SessionDriver driver;
    private final SshTransport transport;
    private final ServerSettings settings;
    /** The algorithms this session started with (RFC 4253 §7.1 for its every exchange), kept to its end. */
    private final AlgorithmRegistry registry;
    private final Map<Integer, ServerChannel> channels = new HashMap<>();
    private ServerLog log;
    private UserAuthServer userAuth;
    /** Whether the session holds input back for user authentication, and for what. */
    private boolean inputHeld;
    private boolean awaitingCheck;
    private long wakeScheduled = Long.MIN_VALUE;
    private int failedAttempts;
    private ConnectionEngine engine;
    private KeepAlive.Watch keepAlive;
    private String user;
    private LoginRestrictions restrictions = LoginRestrictions.NONE;
    /** Key exchanges completed, and whether a re-exchange is under way: a session ending in one is a failed re-key. */
    private int keyExchanges;
    private boolean rekeying;

    ServerRole(SessionDriver driver, ServerSettings settings, AlgorithmRegistry registry) {
        this.driver = driver;
        this.transport = driver.transport();
        this.settings = settings;
        this.registry = registry;
    }

    /** A new server session for an accepted connection, with the algorithms of this moment. */
    static SessionDriver newSession(ServerSettings settings, AlgorithmRegistry registry) {
        return new SessionDriver(SshTransport.server(settings.transport(registry)),
                d -> new ServerRole(d, settings, registry), settings.observers());
    }

    /** The transport's events are for the log; the service layer starts on SERVICE_REQUEST. */
    @Override
    public void onTransportEvent(TransportEvent event) {
        if (event instanceof TransportEvent.IdentificationSent) {
            logger().connected();
        } else if (event instanceof TransportEvent.IdentificationReceived id) {
            logger().clientVersion(id.identification());
        } else if (event instanceof TransportEvent.AlgorithmsNegotiated a) {
            rekeying = keyExchanges > 0;
            logger().negotiated(a.algorithms());
        } else if (event instanceof TransportEvent.KeysEstablished k) {
            keyExchanges = k.keyExchangeCount();
            rekeying = false;
            if (keyExchanges > 1) {
                logger().rekeyed(keyExchanges);
            }
        } else if (event instanceof TransportEvent.DebugMessage d) {
            logger().debugMessage(d.message());
        }
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

    @Override
    public boolean loggedIn() {
        return engine != null;
    }

    @Override
    public String handshakeTimeoutMessage() {
        logger().limit("LoginGraceTime: no login within " + settings.login().loginGraceTime().toSeconds() + " s");
        logger().penalised("login grace time exceeded", settings.penalties().loginGraceExceeded(address()));
        return "login grace time is over";
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
        userAuth = new UserAuthServer(settings.userAuth(registry, sessionId, driver.peerAddress()), driver::send, System.nanoTime());
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
        drainUserAuthEvents();
        holdInputWhileWaiting();
    }

    private void drainUserAuthEvents() {
        for (UserAuthServerEvent e; (e = userAuth.pollEvent()) != null; ) {
            if (e instanceof UserAuthServerEvent.Authenticated a) {
                user = a.user();
                restrictions = a.restrictions();
                logger().accepted(a.user(), a.methods(), a.credential());
                engine = new ConnectionEngine(false, settings.connection(driver.maxChannelData()), driver::send);
                keepAlive = settings.clientAlive().watch(driver, engine, "client",
                        () -> logger().limit("Timeout, client not responding"));
            } else if (e instanceof UserAuthServerEvent.PartialSuccess p) {
                logger().partial(p.user(), p.methods().get(p.methods().size() - 1), p.credential());
            } else if (e instanceof UserAuthServerEvent.AttemptFailed f) {
                failedAttempts++;
                logger().failed(f.user(), f.method(), f.credential());
            }
        }
    }

    /**
     * While the engine waits, the client's next messages stay in the transport; it is told to
     * go on when the check completes (on the loop, through {@link SessionDriver#runOnLoop}) or
     * the failure delay is over (a timer).
     */
    private void holdInputWhileWaiting() {
        if (userAuth.wantsInput() || userAuth.isClosed()) {
            if (inputHeld) {
                inputHeld = false;
                driver.resumeInput();
            }
            return;
        }
        if (!inputHeld) {
            inputHeld = true;
            driver.pauseInput();
        }
        if (!awaitingCheck) {
            userAuth.pendingCheck().ifPresent(check -> {
                awaitingCheck = true;
                check.whenComplete((result, failure) -> driver.runOnLoop(() -> {
                    awaitingCheck = false;
                    userAuth.resume(System.nanoTime());
                }));
            });
        }
        OptionalLong wake = userAuth.wakeNanos();
        if (userAuth.pendingCheck().isEmpty() && wake.isPresent() && wake.getAsLong() != wakeScheduled) {
            wakeScheduled = wake.getAsLong();
            long delay = Math.max(0, wakeScheduled - System.nanoTime());
            driver.schedule(Duration.ofNanos(delay), () -> userAuth.tick(System.nanoTime()));
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
                    driver, settings, new ServerChannel.Login(user, restrictions, logger())));
        } else if (event instanceof ConnectionEvent.ChannelOpenRefused refused) {
            logger().limit("refused a " + LogText.of(refused.type()) + " channel: " + refused.reason());
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
        } else if (event instanceof ConnectionEvent.GlobalRequestReplied) {
            keepAlive.answered();
        }
    }

    @Override
    public void onOutputFlushed() {
        for (ServerChannel c : channels.values()) {
            c.bridge().pump();
        }
    }

    @Override
    public void onEnded(TransportEvent.Disconnected how) {
        if (userAuth != null) {
            drainUserAuthEvents(); // the attempt that ended it is counted and logged too
        }
        if (userAuth != null && userAuth.isClosed() && failedAttempts >= settings.login().maxAuthTries()) {
            logger().limit("MaxAuthTries: " + failedAttempts + " failed attempts");
        }
        logger().ended(how, user, rekeying);
        if (engine == null && failedAttempts > 0) {
            logger().penalised("failed authentication", settings.penalties().authenticationFailed(address()));
        }
        for (ServerChannel c : List.copyOf(channels.values())) {
            c.onEnded(how.description());
        }
        channels.clear();
    }

    private InetSocketAddress address() {
        return driver.peerAddress();
    }

    private ServerLog logger() {
        if (log == null) {
            log = new ServerLog(driver.peerAddress(), driver.localAddress());
        }
        return log;
    }
}
