package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.wire.WireFormatException;
import dev.keyway.transport.KexInit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A man in the middle on 127.0.0.1 for one connection: it accepts the client, connects to the
 * server on {@code targetPort} and relays both directions, each on a thread of its own through a
 * {@link MitmDirection}. The direction toward the victim of a {@link TerrapinVariant} is
 * tampered with; the other is only read, for its sender's KEXINIT. Without a variant both are
 * relayed untouched. An end of stream travels on; a reset or an error ends both directions.
 * {@link #close()} stops everything, bounded.
 */
final class TerrapinProxy implements AutoCloseable {
    /** What the man in the middle did, and the port the server saw the connection come from. */
    record Report(boolean injected, int deletedBytes, int upstreamPort) {
    }

    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

    private final ServerSocket listener;
    private final AlgorithmRegistry registry;
    private final AtomicReference<KexInit> clientKexInit = new AtomicReference<>();
    private final AtomicReference<KexInit> serverKexInit = new AtomicReference<>();
    private final MitmDirection clientToServer;
    private final MitmDirection serverToClient;
    /** The direction toward the victim, or null when relaying untouched. */
    private final MitmDirection tampered;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "terrapin-mitm");
        t.setDaemon(true);
        return t;
    });
    private final Future<Integer> upstreamPort;
    private volatile Socket client;
    private volatile Socket server;
    private volatile Future<?> serverToClientRelay;

    private TerrapinProxy(int targetPort, TerrapinVariant variant, int expectedPayloadLength,
            AlgorithmRegistry registry, Deadline deadline) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.registry = registry;
        Consumer<byte[]> clientInit = payload -> clientKexInit.set(decode(payload));
        Consumer<byte[]> serverInit = payload -> serverKexInit.set(decode(payload));
        if (variant == null) {
            clientToServer = MitmDirection.observing(clientInit);
            serverToClient = MitmDirection.observing(serverInit);
            tampered = null;
        } else if (variant.victimIsClient()) {
            clientToServer = MitmDirection.observing(clientInit);
            serverToClient = MitmDirection.tampering(variant.injectedPacket(), variant.point(),
                    () -> framing(false), expectedPayloadLength, serverInit);
            tampered = serverToClient;
        } else {
            clientToServer = MitmDirection.tampering(variant.injectedPacket(), variant.point(),
                    () -> framing(true), expectedPayloadLength, clientInit);
            serverToClient = MitmDirection.observing(serverInit);
            tampered = clientToServer;
        }
        listener.setSoTimeout(deadline.remainingMillis());
        this.upstreamPort = threads.submit(() -> acceptAndRelay(targetPort));
    }

    /**
     * Starts the attack {@code variant} against the next connection. {@code expectedPayloadLength}
     * is the payload length of the packet to delete, for a framing that hides packet lengths.
     */
    static TerrapinProxy attack(int targetPort, TerrapinVariant variant, int expectedPayloadLength,
            AlgorithmRegistry registry, Deadline deadline) throws IOException {
        return new TerrapinProxy(targetPort, variant, expectedPayloadLength, registry, deadline);
    }

    /** Relays the next connection untouched: the same path as an attack, without the attack. */
    static TerrapinProxy passThrough(int targetPort, AlgorithmRegistry registry, Deadline deadline)
            throws IOException {
        return new TerrapinProxy(targetPort, null, 0, registry, deadline);
    }

    int port() {
        return listener.getLocalPort();
    }

    private int acceptAndRelay(int targetPort) throws IOException {
        client = listener.accept();
        server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), listener.getSoTimeout());
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        serverToClientRelay = threads.submit(() -> relay(server, client, serverToClient));
        relay(client, server, clientToServer);
        return server.getLocalPort();
    }

    private Void relay(Socket from, Socket to, MitmDirection direction) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(direction.accept(buffer, 0, n));
                out.flush();
            }
            to.shutdownOutput();
        } catch (SocketException e) {
            // A peer that refuses the connection may reset it: both directions end.
            closeSockets();
        } catch (RuntimeException | IOException e) {
            closeSockets();
            throw e;
        }
        return null;
    }

    /** The framing of one direction, from the two KEXINITs this proxy relayed. */
    private EncryptedFraming framing(boolean clientToServer) {
        return EncryptedFraming.negotiated(clientKexInit.get(), serverKexInit.get(), clientToServer, registry);
    }

    private static KexInit decode(byte[] payload) {
        try {
            return KexInit.decode(payload);
        } catch (WireFormatException e) {
            throw new IllegalStateException("a KEXINIT the proxy cannot read", e);
        }
    }

    /** Waits until both directions ended; fails past the deadline or if the proxy failed. */
    Report awaitEnd(Deadline deadline) throws InterruptedException {
        try {
            int port = upstreamPort.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            serverToClientRelay.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            return tampered == null ? new Report(false, 0, port)
                    : new Report(tampered.injected(), tampered.deletedBytes(), port);
        } catch (ExecutionException e) {
            throw new AssertionError("the man in the middle failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the connection through the man in the middle did not end within "
                    + deadline.limit().toSeconds() + " s");
        }
    }

    private void closeSockets() {
        for (Socket s : new Socket[] {client, server}) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Closing is all that is left to do.
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeSockets();
        threads.shutdownNow();
        try {
            threads.awaitTermination(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
