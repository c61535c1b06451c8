package dev.keyway.integration.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.integration.openssh.BoundedProcess;
import dev.keyway.integration.openssh.OpenSshInstallation;
import dev.keyway.net.StartupLimits;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.SshClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 sessions at once against one Keyway server, each sending 1 MiB through {@code cat} and
 * checking every byte that comes back ({@link NumberedBlocks}): 180 from Keyway's {@link
 * SshClient} (one client, so one event loop for all of them, as the server has one) and 20 from
 * OpenSSH's {@code ssh}. No session sends a byte before the server has logged in all 200 (it
 * counts the USERAUTH_SUCCESS it sends), so all 200 are open at once and then all transfer at
 * once.
 *
 * <p>The server lets all 200 handshakes in at once: MaxStartups {@code 200:100:200}; with
 * sshd's default, 10:30:100, it would shed or refuse most of them. It runs up to 200 commands,
 * and every channel has a 256 KiB window, a quarter of the data, so that WINDOW_ADJUST and the
 * transport's high-water mark work throughout. The command is {@link EchoCommand}, in the
 * server's JVM (why: see there).
 */
class ConcurrentSessionsLoadTest {
    private static final int SESSIONS = 200;
    private static final int OPENSSH_SESSIONS = 20;
    private static final int KEYWAY_SESSIONS = SESSIONS - OPENSSH_SESSIONS;
    private static final long BYTES = 1024 * 1024;
    private static final long WINDOW = 256 * 1024;
    private static final int USERAUTH_SUCCESS = 52;
    /** The bound on every wait; never asserted on. */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void everyByteComesBackToEverySession() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        CountDownLatch allLoggedIn = new CountDownLatch(SESSIONS);
        ExecutorService threads = Executors.newFixedThreadPool(2 * KEYWAY_SESSIONS + OPENSSH_SESSIONS);
        List<Process> sshRuns = new ArrayList<>();
        try (QuietServerLog quiet = new QuietServerLog();
                EchoServer server = EchoServer.start(b -> b
                        .maxStartups(new StartupLimits(SESSIONS, 100, SESSIONS, Integer.MAX_VALUE))
                        .maxCommands(SESSIONS).channelWindow(WINDOW)
                        .messageObserver((sent, payload) -> {
                            if (sent && payload[0] == USERAUTH_SUCCESS) {
                                allLoggedIn.countDown();
                            }
                        }));
                SshClient client = server.client().channelWindow(WINDOW).timeout(LIMIT).build()) {
            long start = System.nanoTime();
            List<Future<?>> sessions = new ArrayList<>();
            for (int i = 0; i < OPENSSH_SESSIONS; i++) {
                Process ssh = startSsh(server, openSsh, i);
                sshRuns.add(ssh);
                NumberedBlocks data = new NumberedBlocks(i);
                sessions.add(threads.submit(() -> {
                    awaitAll(allLoggedIn);
                    try (OutputStream stdin = ssh.getOutputStream()) {
                        data.send(stdin, BYTES);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < KEYWAY_SESSIONS; i++) {
                NumberedBlocks data = new NumberedBlocks(OPENSSH_SESSIONS + i);
                sessions.add(threads.submit(() -> echo(client, server, allLoggedIn, threads, data)));
            }
            awaitAll(allLoggedIn);
            long loggedIn = System.nanoTime();
            long deadline = start + LIMIT.toNanos();
            for (Future<?> f : sessions) {
                f.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            }
            for (int i = 0; i < OPENSSH_SESSIONS; i++) {
                checkSsh(sshRuns.get(i), i, deadline);
            }
            long done = System.nanoTime();
            System.out.printf("%d sessions at once (%d Keyway, %d ssh), each 1 MiB through cat and back:"
                    + " all logged in after %.1f s, all data back %.1f s later: %.1f MB/s both ways together%n",
                    SESSIONS, KEYWAY_SESSIONS, OPENSSH_SESSIONS, (loggedIn - start) / 1e9, (done - loggedIn) / 1e9,
                    2.0 * SESSIONS * BYTES / ((done - loggedIn) / 1e9) / 1e6);
        } finally {
            sshRuns.forEach(BoundedProcess::stop);
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One Keyway session: logs in, waits for the others, then sends and checks its data. */
    private static Void echo(SshClient client, EchoServer server, CountDownLatch allLoggedIn, ExecutorService threads,
            NumberedBlocks data) throws Exception {
        try (ClientSession session = server.login(client)) {
            awaitAll(allLoggedIn);
            CatRoundTrip.run(session, data, BYTES, threads, LIMIT);
        }
        return null;
    }

    private static void awaitAll(CountDownLatch allLoggedIn) throws InterruptedException {
        assertTrue(allLoggedIn.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS),
                "logged in at once: " + (SESSIONS - allLoggedIn.getCount()) + " of " + SESSIONS);
    }

    /** ssh running {@code cat}, its stdin a pipe that gets the data once all are in, its stdout a file. */
    private Process startSsh(EchoServer server, OpenSshInstallation openSsh, int index) throws Exception {
        return new ProcessBuilder(server.sshCommand(openSsh.ssh(), dir, "cat"))
                .redirectOutput(dir.resolve("out-" + index).toFile())
                .redirectError(dir.resolve("ssh-" + index + ".log").toFile()).start();
    }

    private void checkSsh(Process ssh, int index, long deadline) throws Exception {
        boolean exited = ssh.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        String log = Files.readString(dir.resolve("ssh-" + index + ".log"));
        assertTrue(exited, "ssh did not exit in time:\n" + log);
        assertEquals(0, ssh.exitValue(), log);
        try (InputStream out = Files.newInputStream(dir.resolve("out-" + index))) {
            new NumberedBlocks(index).check(out, BYTES);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nssh said:\n" + log, e);
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }
}
