package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ConnectionEngine;
import dev.keyway.ssh.CommandHandler;
import dev.keyway.ssh.ExitSignalException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * A session channel on the server (RFC 4254 §6): records {@code pty-req} and the {@code env}
 * variables the server accepts (§6.4, {@link AcceptedEnvironment}), starts
 * one command on {@code exec}, {@code shell} or {@code subsystem}, passes {@code window-change}
 * (§6.7) on to the command, and when the handler returns sends EOF,
 * {@code exit-status} (§6.10) and CLOSE. Loop thread only, but for the handler's run.
 */
final class ServerChannel {
    private final ChannelBridge bridge;
    private final ConnectionEngine engine;
    private final SessionDriver driver;
    private final ServerSettings settings;
    private final String user;
    private final Map<String, String> env = new LinkedHashMap<>();
    private ChannelRequest.PtyRequest pty;
    private final WindowChanges sizes = new WindowChanges();
    private Future<?> running;

    ServerChannel(ChannelBridge bridge, ConnectionEngine engine, SessionDriver driver, ServerSettings settings,
            String user) {
        this.bridge = bridge;
        this.engine = engine;
        this.driver = driver;
        this.settings = settings;
        this.user = user;
    }

    ChannelBridge bridge() {
        return bridge;
    }

    /** Decides a request addressed to the server; the result is the reply when one is wanted (§5.4). */
    boolean onRequest(ChannelRequest request) {
        if (request instanceof ChannelRequest.PtyRequest p) {
            pty = p;
            return running == null;
        } else if (request instanceof ChannelRequest.EnvRequest e) {
            if (running != null || !settings.acceptedEnvironment().accepts(e.name(), env.size())) {
                return false;
            }
            env.put(e.name(), e.value());
            return true;
        } else if (request instanceof ChannelRequest.ExecRequest e) {
            return start(settings.exec(), new String(e.command(), StandardCharsets.UTF_8));
        } else if (request instanceof ChannelRequest.ShellRequest) {
            return start(settings.shell(), "");
        } else if (request instanceof ChannelRequest.SubsystemRequest s) {
            return start(settings.subsystems().get(s.name()), s.name());
        } else if (request instanceof ChannelRequest.WindowChange w) {
            if (pty == null) {
                return false; // RFC 4254 §6.7: the size of a terminal there is none of
            }
            sizes.offer(w);
            return true;
        }
        // signal and unknown requests: no signals to deliver.
        return false;
    }

    /** The channel is over: release the handler's streams and interrupt it. */
    void onEnded(String why) {
        bridge.onEnded(why);
        sizes.end();
        if (running != null) {
            running.cancel(true);
        }
    }

    private boolean start(CommandHandler handler, String command) {
        if (handler == null || running != null) {
            return false; // RFC 4254 §6.5: only one of these may succeed per channel
        }
        ChannelCommandContext context = new ChannelCommandContext(user, command, env, Optional.ofNullable(pty),
                bridge.input(), bridge.output(ChannelBridge.PLAIN_DATA, false),
                bridge.output(ConnectionEngine.EXTENDED_DATA_STDERR, false), sizes);
        try {
            running = settings.commands().submit(() -> {
                ChannelRequest exit = runHandler(handler, context);
                driver.runOnLoop(() -> finish(exit));
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false; // as many commands run as the server allows
        }
    }

    /** Runs the handler; what it ended with, as the request that tells the client (RFC 4254 §6.10). */
    private ChannelRequest runHandler(CommandHandler handler, ChannelCommandContext context) {
        try {
            return new ChannelRequest.ExitStatus(handler.run(context));
        } catch (ExitSignalException e) {
            return e.toRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChannelRequest.ExitStatus(1);
        } catch (Exception e) {
            // What went wrong may be private to the server; the client learns only the status.
            return new ChannelRequest.ExitStatus(1);
        } finally {
            bridge.input().close(); // what the command left unread must not hold the client back
        }
    }

    private void finish(ChannelRequest exit) {
        if (bridge.isEnded()) {
            return;
        }
        bridge.sendEofOnLoop();
        engine.sendRequest(bridge.id, exit, false);
        engine.close(bridge.id);
    }
}
