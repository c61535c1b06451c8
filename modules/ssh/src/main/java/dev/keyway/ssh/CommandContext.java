package dev.keyway.ssh;

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

    /** The authenticated user (RFC 4252 §5.1). */
    String user();

    /**
     * The {@code exec} command (RFC 4254 §6.5, decoded as UTF-8), the subsystem name for a
     * subsystem, or the empty string for a shell.
     */
    String command();

    /**
     * The {@code env} requests the client sent before the command (RFC 4254 §6.4) that the
     * server accepts ({@link SshServer.Builder#acceptEnv}), in order.
     */
    Map<String, String> env();

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
