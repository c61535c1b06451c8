package dev.keyway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.TransportEvent;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport over real TCP on 127.0.0.1 through the event loop: whole sessions, many at
 * once, timeouts, a peer that vanishes, and loops that release their threads and sockets. The
 * loop outlives anything one connection does: a driver that throws an Error (an
 * OutOfMemoryError raised while serving one peer) loses its own connection, and the listener
 * and the other connections go on; a listener full of silent connections sheds the one silent
 * longest for a newcomer (MaxStartups), so a real client still gets in. Every wait is bounded.
 */
class NetworkSessionTest {
    private static final long WAIT_SECONDS = 20;
    private EventLoop serverLoop;
    private EventLoop clientLoop;

    @BeforeEach
    void loops() {
        serverLoop = EventLoop.start("test-server");
        clientLoop = EventLoop.start("test-client");
    }

    @AfterEach
    void closeLoops() {
        serverLoop.close();
        clientLoop.close();
        assertTrue(serverLoop.isTerminated() && clientLoop.isTerminated(), "loop threads end");
    }

    @Test
    void aSessionRunsToItsEndOverTcp() throws Exception {
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        Queue<TransportEvent> atClient = LoopbackPeers.events();
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(atServer), ConnectionLimits.defaults())) {
            Connection c = Connection.connect(clientLoop, listener.address(), LoopbackPeers.client(atClient),
                    ConnectionLimits.defaults()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            c.closed().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertTrue(LoopbackPeers.has(atClient, TransportEvent.HostKeyAccepted.class));
        TransportEvent.Disconnected bye = LoopbackPeers.await(atServer, TransportEvent.Disconnected.class, 1).get(0);
        assertEquals(DisconnectReason.BY_APPLICATION, bye.reason());
        assertTrue(bye.byPeer());
    }

    @Test
    void manySessionsAtOnce() throws Exception {
        int sessions = 40;
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        // All at once, so more than sshd's default MaxStartups would let in: raised here.
        StartupLimits roomy = new StartupLimits(sessions, 100, sessions, sessions);
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(atServer), ConnectionLimits.defaults(), roomy, source -> true)) {
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            List<Queue<TransportEvent>> clients = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Queue<TransportEvent> seen = LoopbackPeers.events();
                clients.add(seen);
                ends.add(Connection.connect(clientLoop, listener.address(), LoopbackPeers.client(seen),
                        ConnectionLimits.defaults()).thenCompose(Connection::closed));
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS * 3, TimeUnit.SECONDS);
            for (Queue<TransportEvent> seen : clients) {
                assertTrue(seen.stream().anyMatch(e -> e instanceof TransportEvent.ServiceMessage m
                        && m.messageNumber() == 6), "every client got SERVICE_ACCEPT");
            }
        }
        assertEquals(sessions, LoopbackPeers.await(atServer, TransportEvent.Disconnected.class, sessions).size());
    }

    /**
     * A burst of connections while the loop is busy waits in the kernel's listen queue: with
     * Java's default backlog of 50 the kernel would drop the SYNs beyond it, and those clients
     * would hang until the loop was free again and their resent SYN came, a second or more later.
     * The burst is as large as the system's cap on the queue allows, at most 200.
     */
    @Test
    void aBurstWaitsInTheListenQueueWhileTheLoopIsBusy() throws Exception {
        int burst = (int) Math.min(200, listenQueueCap());
        CountDownLatch release = new CountDownLatch(1);
        List<SocketChannel> clients = new ArrayList<>();
        StartupLimits roomy = new StartupLimits(burst, 100, burst, burst);
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(LoopbackPeers.events()), ConnectionLimits.defaults(), roomy, source -> true);
                Selector connecting = Selector.open()) {
            serverLoop.execute(() -> awaitQuietly(release));
            for (int i = 0; i < burst; i++) {
                SocketChannel ch = SocketChannel.open();
                clients.add(ch);
                ch.configureBlocking(false);
                if (!ch.connect(listener.address())) {
                    ch.register(connecting, SelectionKey.OP_CONNECT);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!connecting.keys().isEmpty() && System.nanoTime() - deadline < 0) {
                connecting.select(100);
                for (SelectionKey k : connecting.selectedKeys()) {
                    if (((SocketChannel) k.channel()).finishConnect()) {
                        k.cancel();
                    }
                }
                connecting.selectedKeys().clear();
                connecting.selectNow();
            }
            assertEquals(0, connecting.keys().size(), "connections still waiting for the kernel, of " + burst);
        } finally {
            release.countDown();
            for (SocketChannel ch : clients) {
                ch.close();
            }
        }
    }

    /**
     * net.core.somaxconn, which caps every listen queue; 128 (its old default, and BSD's) where
     * unknown. Read in one go: a sysctl file read from an offset other than 0 is empty, so
     * {@code Files.readString}, which reads one byte first, would see "4" of "4096".
     */
    private static long listenQueueCap() throws java.io.IOException {
        Path somaxconn = Path.of("/proc/sys/net/core/somaxconn");
        return Files.isReadable(somaxconn) ? Long.parseLong(Files.readAllLines(somaxconn).get(0).trim()) : 128;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSilentClientIsCutOffAfterTheHandshakeTimeout() throws Exception {
        ConnectionLimits quick = new ConnectionLimits(Duration.ofMillis(300), Duration.ZERO, Duration.ofSeconds(1));
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(atServer), quick);
                Socket silent = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            silent.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            byte[] all = readToEnd(silent.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("SSH-2.0-"), "the server spoke first");
            assertTrue(text.contains("handshake timeout"), "then said why it hung up, in a DISCONNECT");
        }
    }

    @Test
    void aQuietEstablishedClientIsCutOffAfterTheIdleTimeout() throws Exception {
        ConnectionLimits idle = new ConnectionLimits(Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(1));
        Queue<TransportEvent> atClient = LoopbackPeers.events();
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(LoopbackPeers.events()), idle)) {
            // A client that completes the key exchange and then says nothing more.
            var quiet = new TransportDriver(dev.keyway.transport.SshTransport.client(
                    dev.keyway.transport.TransportConfig.builder(LoopbackPeers.REGISTRY)
                            .hostKeyVerifier(dev.keyway.transport.HostKeyVerifier.dangerAcceptAny()).build()),
                    (c, e) -> atClient.add(e));
            Connection c = Connection.connect(clientLoop, listener.address(), quiet, ConnectionLimits.defaults())
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            c.closed().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        TransportEvent.Disconnected bye = LoopbackPeers.await(atClient, TransportEvent.Disconnected.class, 1).get(0);
        assertEquals("idle timeout", bye.description());
        assertTrue(LoopbackPeers.has(atClient, TransportEvent.KeysEstablished.class), "it was established first");
    }

    @Test
    void aVanishingPeerIsReportedAsConnectionLost() throws Exception {
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        CompletableFuture<Void> serverClosed = new CompletableFuture<>();
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT, () -> {
            TransportDriver d = LoopbackPeers.server(atServer);
            return new ObservedDriver(d, bytes -> { }, () -> serverClosed.complete(null));
        }, ConnectionLimits.defaults())) {
            try (Socket s = new Socket(listener.address().getAddress(), listener.address().getPort())) {
                s.getOutputStream().write("SSH-2.0-vanishing\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            serverClosed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        TransportEvent.Disconnected lost = LoopbackPeers.await(atServer, TransportEvent.Disconnected.class, 1).get(0);
        assertEquals(DisconnectReason.CONNECTION_LOST, lost.reason());
    }

    @Test
    void closingALoopClosesItsConnections() throws Exception {
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(atServer), ConnectionLimits.defaults());
        try (Socket s = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            s.getInputStream().read();
            serverLoop.close();
            assertTrue(serverLoop.isTerminated());
            readToEnd(s.getInputStream());
        }
        assertTrue(LoopbackPeers.has(atServer, TransportEvent.Disconnected.class));
    }

    private static byte[] readToEnd(InputStream in) throws java.io.IOException {
        return in.readAllBytes();
    }

    /**
     * A server driver that "runs out of memory" the second time it writes: its greeting goes
     * out, and its answer to the peer's first bytes throws from inside the loop's read.
     */
    private static ProtocolDriver explodingOnSecondWrite(Queue<TransportEvent> seen, AtomicInteger thrown) {
        int[] writes = {0};
        return new ObservedDriver(LoopbackPeers.server(seen), bytes -> {
            if (++writes[0] > 1) {
                thrown.incrementAndGet();
                throw new OutOfMemoryError("a test's simulated exhaustion");
            }
        }, () -> { });
    }

    @Test
    void anErrorInOneConnectionClosesItAloneAndTheListenerGoesOn() throws Exception {
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        int[] made = {0};
        AtomicInteger thrown = new AtomicInteger();
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> made[0]++ == 0 ? explodingOnSecondWrite(atServer, thrown) : LoopbackPeers.server(atServer),
                ConnectionLimits.defaults())) {
            try (Socket doomed = new Socket(listener.address().getAddress(), listener.address().getPort())) {
                doomed.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                // An identification, then a packet length no server takes: the server answers DISCONNECT.
                doomed.getOutputStream().write("SSH-2.0-doomed\r\n\u007f\u007f\u007f\u007f0123456789"
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = doomed.getInputStream();
                while (in.read() >= 0) {
                    // The server's identification and KEXINIT, then the end of the stream.
                }
            }
            assertEquals(1, thrown.get(), "the driver threw while answering, and its socket was closed for it");
            Queue<TransportEvent> atClient = LoopbackPeers.events();
            Connection c = Connection.connect(clientLoop, listener.address(), LoopbackPeers.client(atClient),
                    ConnectionLimits.defaults()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            c.closed().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(atClient.stream().anyMatch(e -> e instanceof TransportEvent.ServiceMessage m
                    && m.messageNumber() == 6), "the next client is served in full");
            assertFalse(serverLoop.isTerminated());
        }
    }

    @Test
    void aFullListenerShedsItsSilentConnectionsForAClientThatTalks() throws Exception {
        Queue<TransportEvent> atServer = LoopbackPeers.events();
        StartupLimits two = new StartupLimits(2, 100, 2, Integer.MAX_VALUE);
        try (Listener listener = Listener.bind(serverLoop, LoopbackPeers.ANY_PORT,
                () -> LoopbackPeers.server(atServer), ConnectionLimits.defaults(), two, source -> true)) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket s = new Socket(listener.address().getAddress(), listener.address().getPort());
                    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                    silent.add(s);
                }
                // Let them be silent longer than a real client ever is before it is shed for another.
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Startups.SILENT_NANOS) + 100);
                Queue<TransportEvent> atClient = LoopbackPeers.events();
                Connection c = Connection.connect(clientLoop, listener.address(), LoopbackPeers.client(atClient),
                        ConnectionLimits.defaults()).get(WAIT_SECONDS, TimeUnit.SECONDS);
                c.closed().get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(atClient.stream().anyMatch(e -> e instanceof TransportEvent.ServiceMessage m
                        && m.messageNumber() == 6), "the talking client got in");
                assertEquals(1, silent.stream().filter(NetworkSessionTest::wasShed).count(),
                        "one silent connection made room for it, with a DISCONNECT");
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
        }
    }

    /**
     * Whether the server ended this socket (its stream ends after the DISCONNECT), rather than
     * keeping it waiting: a read that only times out means it is still held.
     */
    private static boolean wasShed(Socket s) {
        try {
            s.setSoTimeout(1000);
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // The identification, the KEXINIT, and for a shed one the DISCONNECT.
            }
            return true;
        } catch (java.net.SocketTimeoutException held) {
            return false;
        } catch (java.io.IOException reset) {
            return true;
        }
    }
}
