package dev.keyway.ssh.internal;

import dev.keyway.api.auth.LoginRestrictions;
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
 *
 * <p>It holds the login to its {@link LoginRestrictions} as sshd(8) holds it to an
 * {@code authorized_keys} line: without {@code pty} a {@code pty-req} fails and the command
 * runs without a terminal ({@code no-pty}); a forced command ({@code command=}) runs with the
 * exec handler in place of any {@code exec}, {@code shell} or known {@code subsystem}, with what
 * the client asked for in {@code SSH_ORIGINAL_COMMAND} (the command; for a subsystem, its
 * command line; nothing for a shell); the login's {@code environment=} variables reach the
 * command over the client's. {@code x11-req} and {@code auth-agent-req@openssh.com} fail
 * whatever the restrictions allow: Keyway forwards neither, nor TCP (the connection layer
 * refuses {@code tcpip-forward} and {@code direct-tcpip}).
 */
final class ServerChannel {
    private final ChannelBridge bridge;
    private final ConnectionEngine engine;
    private final SessionDriver driver;
    private final ServerSettings settings;
    private final String user;
    private final LoginRestrictions restrictions;
    private final ServerLog log;
    private final Map<String, String> env = new LinkedHashMap<>();
    private ChannelRequest.PtyRequest pty;
    private final WindowChanges sizes = new WindowChanges();
    private Future<?> running;

    /**
     * The login a channel belongs to.
     *
     * @param user who logged in
     * @param restrictions what the login allows (its authorized_keys options)
     * @param log where the session's start, end and failure are told
     */
    record Login(String user, LoginRestrictions restrictions, ServerLog log) {
    }

    ServerChannel(ChannelBridge bridge, ConnectionEngine engine, SessionDriver driver, ServerSettings settings,
            Login login) {
        this.bridge = bridge;
        this.engine = engine;
        this.driver = driver;
        this.settings = settings;
        this.user = login.user();
        this.restrictions = login.restrictions();
        this.log = login.log();
    }

    ChannelBridge bridge() {
        return bridge;
    }

    /** Decides a request addressed to the server; the result is the reply when one is wanted (§5.4). */
    boolean onRequest(ChannelRequest request) {
        if (request instanceof ChannelRequest.PtyRequest p) {
            if (!restrictions.pty()) {
                return false;
            }
            pty = p;
            return running == null;
        } else if (request instanceof ChannelRequest.EnvRequest e) {
            int chars = env.entrySet().stream().mapToInt(v -> v.getKey().length() + v.getValue().length()).sum();
            if (running != null || !settings.acceptedEnvironment().accepts(e.name(), e.value(), env.size(), chars)) {
                return false;
            }
            env.put(e.name(), e.value());
            return true;
        } else if (request instanceof ChannelRequest.ExecRequest e) {
            String command = new String(e.command(), StandardCharsets.UTF_8);
            return start(settings.exec(), "command", command, Optional.of(command));
        } else if (request instanceof ChannelRequest.ShellRequest) {
            return start(settings.shell(), "shell", "", Optional.empty());
        } else if (request instanceof ChannelRequest.SubsystemRequest s) {
            CommandHandler subsystem = settings.subsystems().get(s.name());
            // An unknown subsystem fails, forced command or not, as in sshd.
            return subsystem != null && start(subsystem, "subsystem '" + LogText.of(s.name()) + "'", s.name(),
                    Optional.of(subsystem.commandLine().orElse(s.name())));
        } else if (request instanceof ChannelRequest.WindowChange w) {
            if (pty == null) {
                return false; // RFC 4254 §6.7: the size of a terminal there is none of
            }
            sizes.offer(w);
            return true;
        }
        // signal, x11-req, auth-agent-req@openssh.com and unknown requests: nothing to do them with.
        return false;
    }

    /** The channel is over: release the handler's streams and interrupt it. */
    void onEnded(String why) {
        bridge.onEnded(why);
        sizes.end();
        if (running != null) {
            running.cancel(true);
            log.sessionClosed(user, bridge.id);
        }
    }

    /**
     * Starts what the client asked for or, when the login forces a command, that command with
     * the exec handler and {@code original} as the client's own.
     *
     * @param what the kind of session, for the log (sshd's words: command, shell, subsystem 'NAME')
     */
    private boolean start(CommandHandler asked, String what, String command, Optional<String> original) {
        return restrictions.command().isPresent()
                ? run(settings.exec(), "forced command", restrictions.forcedCommand(), original)
                : run(asked, what, command, Optional.empty());
    }

    private boolean run(CommandHandler handler, String what, String command, Optional<String> original) {
        if (handler == null || running != null) {
            return false; // RFC 4254 §6.5: only one of these may succeed per channel
        }
        ChannelCommandContext context = new ChannelCommandContext(user, command, env, Optional.ofNullable(pty),
                bridge.input(), bridge.output(ChannelBridge.PLAIN_DATA, false),
                bridge.output(ConnectionEngine.EXTENDED_DATA_STDERR, false), sizes, restrictions, original);
        // Told before the handler can run, so that its failure never comes first in the log.
        log.sessionStarted(user, pty == null ? what : what + " on a terminal", bridge.id);
        try {
            running = settings.commands().submit(() -> {
                ChannelRequest exit = runHandler(handler, what, context);
                driver.runOnLoop(() -> finish(exit));
            });
            return true;
        } catch (RejectedExecutionException full) {
            log.limit("refused a " + what + ": as many commands run as the server allows");
            return false;
        }
    }

    /** Runs the handler; what it ended with, as the request that tells the client (RFC 4254 §6.10). */
    private ChannelRequest runHandler(CommandHandler handler, String what, ChannelCommandContext context) {
        try {
            return new ChannelRequest.ExitStatus(handler.run(context));
        } catch (ExitSignalException e) {
            return e.toRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChannelRequest.ExitStatus(1);
        } catch (Exception e) {
            // What went wrong may be private to the server; the client learns only the status.
            log.sessionFailed(user, what, bridge.id, e);
            return new ChannelRequest.ExitStatus(1);
        } finally {
            bridge.input().close(); // what the command left unread must not hold the client back
        }
    }

    /** EOF, the exit status and CLOSE (RFC 4254 §6.10), after the command's last output. */
    private void finish(ChannelRequest exit) {
        bridge.afterQueuedWrites(() -> {
            if (!bridge.isEnded()) {
                bridge.sendEofOnLoop();
                engine.sendRequest(bridge.id, exit, false);
                engine.close(bridge.id);
            }
        });
    }
}
