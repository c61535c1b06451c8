package dev.keyway.ssh.internal;

import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.ssh.CommandContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command's request and its channel's streams, fixed when the command starts, and the
 * terminal's size changes as they come.
 */
record ChannelCommandContext(String user, String command, Map<String, String> env,
        Optional<ChannelRequest.PtyRequest> pty, InputStream stdin, OutputStream stdout, OutputStream stderr,
        WindowChanges windowChanges, LoginRestrictions restrictions, Optional<String> originalCommand)
        implements CommandContext {

    ChannelCommandContext {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** In sshd's order (session.c do_setup_env): the client's, the login's, then SSH_ORIGINAL_COMMAND. */
    @Override
    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(restrictions.environment());
        originalCommand.ifPresent(c -> all.put(ORIGINAL_COMMAND, c));
        return Collections.unmodifiableMap(all);
    }

    @Override
    public Optional<ChannelRequest.WindowChange> awaitWindowChange() throws InterruptedException {
        return windowChanges.next();
    }
}
