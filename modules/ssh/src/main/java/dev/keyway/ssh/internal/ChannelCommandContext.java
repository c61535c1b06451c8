package dev.keyway.ssh.internal;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.ssh.CommandContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * A command's request and its channel's streams, fixed when the command starts, and the
 * terminal's size changes as they come.
 */
record ChannelCommandContext(String user, String command, Map<String, String> env,
        Optional<ChannelRequest.PtyRequest> pty, InputStream stdin, OutputStream stdout, OutputStream stderr,
        WindowChanges windowChanges) implements CommandContext {

    ChannelCommandContext {
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }

    @Override
    public Optional<ChannelRequest.WindowChange> awaitWindowChange() throws InterruptedException {
        return windowChanges.next();
    }
}
