package dev.keyway.ssh;

import dev.keyway.connection.ChannelRequest;
import java.util.Objects;

/**
 * Thrown by a {@link CommandHandler} whose command did not exit but was killed by a signal: the
 * client gets {@code exit-signal} (RFC 4254 §6.10) instead of {@code exit-status}, as sshd sends
 * for a process that died of one.
 */
public final class ExitSignalException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The signal name without the "SIG" prefix, e.g. "KILL" or "TERM" (RFC 4254 §6.10). */
    private final String signal;
    private final boolean coreDumped;

    public ExitSignalException(String signal, boolean coreDumped, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.signal = Objects.requireNonNull(signal, "signal");
        this.coreDumped = coreDumped;
    }

    /** The request the server sends for it; the message is the client's to show, in English. */
    public ChannelRequest.ExitSignal toRequest() {
        return new ChannelRequest.ExitSignal(signal, coreDumped, getMessage(), "en");
    }
}
