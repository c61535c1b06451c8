package dev.keyway.ssh;

import java.util.Optional;

/**
 * Runs what a client asks a session channel for: an {@code exec} command, a {@code shell} or a
 * {@code subsystem} (RFC 4254 §6.5). It runs on a thread of its own, never on the network
 * thread, and may block on the context's streams as long as it likes; the streams apply the
 * channel's flow control (RFC 4254 §5.2).
 *
 * <p>When it returns, the server sends its value as {@code exit-status} (RFC 4254 §6.10), then
 * EOF and CLOSE. A command killed by a signal throws {@link ExitSignalException}, which the
 * client gets as {@code exit-signal}. If it throws anything else, the exit status is 1 and
 * nothing about the exception reaches the client. When the client or the server ends the channel first, the handler's thread is
 * interrupted and its streams fail.
 */
@FunctionalInterface
public interface CommandHandler {

    /** Runs the command; the result is its exit status. */
    int run(CommandContext context) throws Exception;

    /**
     * The command line this handler runs whatever the request says, as sshd_config's
     * Subsystem gives one ({@link SystemShell#subsystem}). When a forced command replaces a
     * request for this subsystem, the forced command finds it in {@code SSH_ORIGINAL_COMMAND},
     * as under sshd(8); without one, the subsystem's name stands there.
     */
    default Optional<String> commandLine() {
        return Optional.empty();
    }
}
