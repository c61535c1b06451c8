package dev.keyway.ssh;

import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.connection.ChannelRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link CommandHandler} gets: the request and the channel's streams (RFC 4254 §6).
 * {@code stdout} and {@code stderr} share the peer's window, so a write blocks while the
 * client is not reading; reading {@code stdin} is what lets the client send more.
 */
public interface CommandContext {
    /** The variable that holds the client's own command when a forced one runs (sshd(8) command=). */
    String ORIGINAL_COMMAND = "SSH_ORIGINAL_COMMAND";

    /** The authenticated user (RFC 4252 §5.1). */
    String user();

    /**
     * The {@code exec} command (RFC 4254 §6.5, decoded as UTF-8), the subsystem name for a
     * subsystem, or the empty string for a shell; when the login forces a command
     * ({@link LoginRestrictions#command()}), that command, which the exec handler runs
     * whatever the client asked for.
     */
    String command();

    /**
     * The {@code env} requests the client sent before the command (RFC 4254 §6.4) that the
     * server accepts ({@link SshServer.Builder#acceptEnv}), in order.
     */
    Map<String, String> env();

    /**
     * What the login may do ({@code authorized_keys} options, sshd(8)); the server has
     * already applied it to the channel's requests.
     */
    default LoginRestrictions restrictions() {
        return LoginRestrictions.NONE;
    }

    /**
     * When a forced command runs in place of the request: the {@code exec} command the client
     * sent, or the command line of the subsystem it asked for
     * ({@link CommandHandler#commandLine()}, else its name); empty for a shell and when
     * nothing is forced.
     */
    default Optional<String> originalCommand() {
        return Optional.empty();
    }

    /**
     * Every variable the command's environment gets from the session, as sshd(8) builds it:
     * {@link #env()}, then the login's {@code environment=} variables, which win, then
     * {@link #ORIGINAL_COMMAND} when there is an {@link #originalCommand()}.
     */
    default Map<String, String> environment() {
        return env();
    }

    /**
     * The {@code pty-req} (RFC 4254 §6.2) if the client asked for a terminal: its type, size
     * and encoded modes (§8). The server only records it; giving the command a terminal is the
     * handler's business, as {@link SystemShell} does.
     */
    Optional<ChannelRequest.PtyRequest> pty();

    /**
     * Waits for the client's next {@code window-change} (RFC 4254 §6.7) and returns it; when
     * several came since the last call, only the latest. Only a channel with a {@code pty-req}
     * has them. Empty once the channel is over; a handler that follows resizes calls this on a
     * thread of its own, as {@link SystemShell} does.
     */
    Optional<ChannelRequest.WindowChange> awaitWindowChange() throws InterruptedException;

    /** The client's data; end of stream after its EOF. */
    InputStream stdin();

    /** Channel data to the client. */
    OutputStream stdout();

    /** Extended data of type 1 to the client (RFC 4254 §5.2). */
    OutputStream stderr();
}
