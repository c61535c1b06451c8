package dev.keyway.integration.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.RemoteProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Data through {@code cat} on a Keyway session and back: the data is written on a thread of
 * its own while this one reads and checks what returns, as flow control requires for more than
 * a window (RFC 4254 §5.2); then {@code cat} must exit 0. Every wait is bounded.
 */
final class CatRoundTrip {
    private CatRoundTrip() {
    }

    static void run(ClientSession session, NumberedBlocks data, long length, ExecutorService writers, Duration limit)
            throws Exception {
        RemoteProcess cat = session.exec("cat");
        Future<Void> sent = writers.submit(() -> {
            try (OutputStream stdin = cat.getOutputStream()) {
                data.send(stdin, length);
            }
            return null;
        });
        try (InputStream stdout = cat.getInputStream()) {
            data.check(stdout, length);
        }
        sent.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(0, cat.waitFor(limit), "cat's exit status");
    }
}
