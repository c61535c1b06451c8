package dev.keyway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What keeps a server serving while some clients misbehave or its embedder is slow: a password
 * check that blocks does not hold up another client's login and command; a client that stops
 * answering is cut off by the keepalive (ClientAliveInterval) while one that answers is kept;
 * a source whose logins keep failing is refused for a while (PerSourcePenalties).
 */
class ServerGuardsTest {
    private static final Duration LIMIT = SshSessionTest.LIMIT;

    @Test
    void aBlockedPasswordCheckDoesNotStallAnotherLogin() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowCheckStarted = new CountDownLatch(1);
        try (SshServer server = SshSessionTest.serverBuilder()
                .passwordAuthenticator((user, password) -> {
                    if (user.equals("slow")) {
                        slowCheckStarted.countDown();
                        try {
                            release.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return false;
                    }
                    return user.equals("alice") && Arrays.equals(password, SshSessionTest.PASSWORD);
                }).build();
                SshClient client = SshSessionTest.newClient()) {
            InetSocketAddress address = server.start();
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                try {
                    client.connect("127.0.0.1", address.getPort(), "slow", Credentials.password("x".toCharArray()))
                            .close();
                } catch (IOException expected) {
                    // Refused once the check is let go.
                }
            });
            assertTrue(slowCheckStarted.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "the slow check is running");
            try (ClientSession s = client.connect("127.0.0.1", address.getPort(), "alice",
                    Credentials.password(SshSessionTest.PASSWORD))) {
                RemoteProcess p = s.exec("echo while the other waits");
                assertEquals("while the other waits\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(0, p.waitFor(LIMIT));
            }
            assertFalse(slow.isDone(), "the slow login is still waiting for its check");
            release.countDown();
            slow.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * A client that answers keepalives stays; its session carries a command that takes several
     * keepalive intervals. The keepalive@openssh.com request gets REQUEST_FAILURE from a Keyway
     * client, which counts as an answer (RFC 4254 §4).
     */
    @Test
    void aClientThatAnswersKeepalivesIsKept() throws Exception {
        List<TransportEvent.Disconnected> ends = new CopyOnWriteArrayList<>();
        try (SshServer server = SshSessionTest.serverBuilder().clientAlive(Duration.ofMillis(200), 2)
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.Disconnected d) {
                        ends.add(d);
                    }
                }).build();
                SshClient client = SshSessionTest.newClient()) {
            InetSocketAddress address = server.start();
            try (ClientSession s = client.connect("127.0.0.1", address.getPort(), "alice",
                    Credentials.password(SshSessionTest.PASSWORD))) {
                RemoteProcess p = s.exec("sleep 1.5; echo still here");
                assertEquals("still here\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(0, p.waitFor(LIMIT));
                assertTrue(s.isOpen());
            }
            assertTrue(ends.stream().noneMatch(d -> d.description().contains("keepalive")), ends.toString());
        }
    }

    /**
     * A peer that logs in and then stops reading and answering (its socket open, its bytes
     * unread) is ended by the keepalive after the interval times the count. The client's own
     * network thread is frozen for it, as a process stopped with SIGSTOP would be: its observer
     * blocks on the re-key it is asked to start.
     */
    @Test
    void aClientThatStopsAnsweringIsCutOff() throws Exception {
        CompletableFuture<TransportEvent.Disconnected> cut = new CompletableFuture<>();
        CountDownLatch thaw = new CountDownLatch(1);
        AtomicBoolean freeze = new AtomicBoolean();
        try (SshServer server = SshSessionTest.serverBuilder().clientAlive(Duration.ofMillis(200), 2)
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.Disconnected d && !d.byPeer()) {
                        cut.complete(d);
                    }
                }).build();
                SshClient client = SshClient.builder().registry(dev.keyway.api.AlgorithmRegistry.loadDefault())
                        .hostKeyVerifier(key -> true).timeout(LIMIT)
                        .transportObserver(e -> {
                            if (e instanceof TransportEvent.KexInitSent && freeze.get()) {
                                awaitQuietly(thaw);
                            }
                        }).build()) {
            InetSocketAddress address = server.start();
            ClientSession s = client.connect("127.0.0.1", address.getPort(), "alice",
                    Credentials.password(SshSessionTest.PASSWORD));
            freeze.set(true);
            s.rekey();
            try {
                TransportEvent.Disconnected d = cut.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(DisconnectReason.CONNECTION_LOST, d.reason());
                assertTrue(d.description().contains("did not answer 2 keepalives"), d.description());
            } finally {
                thaw.countDown();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Three connections whose attempts all failed add 15 s of penalty to 127.0.0.1, and a new
     * connection from it is then closed before the server says anything; another server, which
     * keeps its own table, still takes it.
     */
    @Test
    void aSourceThatKeepsFailingIsRefused() throws Exception {
        try (SshServer server = SshSessionTest.serverBuilder().failureDelay(Duration.ZERO).maxAuthTries(1)
                .perSourcePenalties(SourcePenalties.defaults()).build();
                SshClient client = SshSessionTest.newClient()) {
            InetSocketAddress address = server.start();
            for (int i = 0; i < 3; i++) {
                assertThrows(IOException.class, () -> client.connect("127.0.0.1", address.getPort(), "alice",
                        Credentials.password("wrong".toCharArray())));
            }
            try (Socket raw = new Socket("127.0.0.1", address.getPort())) {
                raw.setSoTimeout((int) LIMIT.toMillis());
                assertEquals(-1, raw.getInputStream().read(), "closed without an identification string");
            }
        }
    }

    @Test
    void penaltiesAccrueFromTheMinimumAndRunOut() {
        long[] now = {0};
        SourcePenalties.Table table = new SourcePenalties.Table(SourcePenalties.defaults(), () -> now[0]);
        InetSocketAddress peer = new InetSocketAddress("192.0.2.7", 22);
        table.authenticationFailed(peer);
        table.authenticationFailed(peer);
        assertTrue(table.admits(peer.getAddress()), "10 s of penalty is below the 15 s minimum");
        table.authenticationFailed(peer);
        assertFalse(table.admits(peer.getAddress()));
        assertTrue(table.admits(new InetSocketAddress("192.0.2.8", 22).getAddress()), "other sources are not touched");
        now[0] += Duration.ofSeconds(14).toNanos();
        assertFalse(table.admits(peer.getAddress()), "once enforced, a penalty lasts until it runs out");
        now[0] += Duration.ofSeconds(1).toNanos();
        assertTrue(table.admits(peer.getAddress()), "and then the source is welcome again");
        for (int i = 0; i < 1000; i++) {
            table.loginGraceExceeded(peer);
        }
        now[0] += Duration.ofMinutes(10).toNanos();
        assertTrue(table.admits(peer.getAddress()), "a penalty never outlasts the maximum");
    }
}
