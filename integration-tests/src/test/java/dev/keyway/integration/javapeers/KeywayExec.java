package dev.keyway.integration.javapeers;

import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.RemoteProcess;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command through a Keyway {@link ClientSession}: stdin is written, stdout and stderr
 * read, each on a thread of its own, as flow control (RFC 4254 §5.2) requires for more than a
 * window of data; every wait is bounded.
 */
final class KeywayExec {
    static final Duration LIMIT = Duration.ofSeconds(20);

    private KeywayExec() {
    }

    static CommandResult run(ClientSession session, String command, byte[] stdin) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(3);
        try (RemoteProcess process = session.exec(command)) {
            Future<Void> writer = io.submit(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                }
                return null;
            });
            Future<byte[]> stdout = io.submit(process.getInputStream()::readAllBytes);
            Future<byte[]> stderr = io.submit(process.getErrorStream()::readAllBytes);
            byte[] out = stdout.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            String err = new String(stderr.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            writer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return new CommandResult(out, err, process.waitFor(LIMIT));
        } finally {
            io.shutdownNow();
            io.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
