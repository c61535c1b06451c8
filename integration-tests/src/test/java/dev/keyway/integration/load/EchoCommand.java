package dev.keyway.integration.load;

import dev.keyway.ssh.CommandContext;
import dev.keyway.ssh.CommandHandler;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code cat} in the server's JVM: copies the channel's data back until EOF (RFC 4254 §5.3),
 * exit status 0; {@code true} exits 0 at once; anything else exits 127, as a shell does for a
 * command it cannot find. The load tests use it rather than {@code SystemShell}'s real
 * {@code cat} so that they load Keyway's own path (the event loop, the engines, flow control
 * and backpressure) and not fork/exec: each {@code SystemShell} command costs a process and
 * four threads, which at 200 sessions on two cores would measure the operating system.
 * {@code SystemShell} with a real {@code cat} is what the OpenSSH matrix tests run.
 */
final class EchoCommand implements CommandHandler {
    private static final int BUFFER = 32 * 1024;

    @Override
    public int run(CommandContext context) throws Exception {
        switch (context.command()) {
            case "cat" -> {
                copy(context.stdin(), context.stdout());
                return 0;
            }
            case "true" -> {
                return 0;
            }
            default -> {
                return 127;
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws java.io.IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
    }
}
