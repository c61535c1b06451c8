package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection between a Keyway client and a Keyway server transport engine through a
 * {@link TerrapinProxy}: the server on the given thread, the client on the caller's. Each side
 * follows a script that ends the connection by itself whatever the man in the middle achieved,
 * so no outcome is a wait for a deadline:
 * <ul>
 * <li>the client queues an SSH_MSG_DEBUG before the key exchange, so that it is its first
 *     packet after NEWKEYS; once keys are established it sends SERVICE_REQUEST and, when the
 *     server is the victim, says goodbye right away (SSH_MSG_DISCONNECT BY_APPLICATION);
 * <li>the server answers SERVICE_REQUEST with SERVICE_ACCEPT and says goodbye;
 * <li>each side ends its output (TCP FIN) once its engine closed and reads until the other did.
 * </ul>
 * When the client is the victim, the attacker first connects to the server itself to learn the
 * size of its EXT_INFO ({@link ExtInfoProbe}); when the server is, the attacker is taken to know
 * the client's first message.
 */
final class TerrapinSession {
    /** What the client's SSH_MSG_DEBUG says. */
    static final String CLIENT_DEBUG_MESSAGE = "the client's first message after NEWKEYS";

    /** Every event of each side, oldest first, what the man in the middle did, and both transcripts. */
    record Outcome(TerrapinVariant variant, List<TransportEvent> client, List<TransportEvent> server,
            TerrapinProxy.Report mitm, String transcript) {
        /** The events of the side the attack was aimed at. */
        List<TransportEvent> victim() {
            return variant.victimIsClient() ? client : server;
        }
    }

    private TerrapinSession() {
    }

    static Outcome run(TerrapinVariant variant, TransportConfig clientConfig, TransportConfig serverConfig,
            AlgorithmRegistry registry, ExecutorService serverThread, Deadline deadline) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(deadline.remainingMillis());
            int connections = variant.victimIsClient() ? 2 : 1;
            Future<BlockingTransport> served = serverThread.submit(() -> {
                BlockingTransport server = null;
                for (int i = 0; i < connections; i++) {
                    server = new BlockingTransport(listener.accept(), SshTransport.server(serverConfig));
                    try (BlockingTransport s = server) {
                        serve(s, deadline);
                    }
                }
                return server;
            });
            int expectedPayload = variant.victimIsClient()
                    ? ExtInfoProbe.payloadLength(listener.getLocalPort(), registry, deadline)
                    : clientDebug().length;
            try (TerrapinProxy mitm = TerrapinProxy.attack(listener.getLocalPort(), variant, expectedPayload,
                    registry, deadline);
                    BlockingTransport client = BlockingTransport.connect(mitm.port(),
                            SshTransport.client(clientConfig), deadline)) {
                client.engine().sendDebug(false, CLIENT_DEBUG_MESSAGE);
                converse(client, !variant.victimIsClient(), deadline);
                BlockingTransport server = awaitServer(served, deadline);
                return new Outcome(variant, client.history(), server.history(), mitm.awaitEnd(deadline),
                        "\nclient events:" + client.describe() + "\nserver events:" + server.describe());
            }
        }
    }

    /** byte SSH_MSG_DEBUG, boolean always_display, string message, string language tag (RFC 4253 §11.3). */
    private static byte[] clientDebug() {
        return new SshWriter().writeByte(4).writeBoolean(false).writeUtf8(CLIENT_DEBUG_MESSAGE).writeUtf8("")
                .toByteArray();
    }

    private static void converse(BlockingTransport client, boolean goodbyeAtOnce, Deadline deadline)
            throws IOException {
        boolean outputEnded = false;
        for (TransportEvent e; (e = client.next(deadline)) != null; ) {
            if (e instanceof TransportEvent.KeysEstablished && !client.engine().isClosed()) {
                client.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
                if (goodbyeAtOnce) {
                    client.engine().disconnect(DisconnectReason.BY_APPLICATION, "client done");
                }
            }
            if (client.engine().isClosed() && !outputEnded) {
                client.endOutput();
                outputEnded = true;
            }
        }
        if (!outputEnded) {
            // The server ended first and left the engine open: garbled packets it took silently.
            client.endOutput();
        }
    }

    private static void serve(BlockingTransport server, Deadline deadline) throws IOException {
        boolean outputEnded = false;
        for (TransportEvent e; (e = server.next(deadline)) != null; ) {
            if (e instanceof TransportEvent.ServiceMessage m && !server.engine().isClosed()
                    && m.messageNumber() == ServiceLayerMessages.SERVICE_REQUEST) {
                server.engine().send(ServiceLayerMessages.serviceAccept(ServiceLayerMessages.USERAUTH));
                server.engine().disconnect(DisconnectReason.BY_APPLICATION, "server done");
            }
            if (server.engine().isClosed() && !outputEnded) {
                server.endOutput();
                outputEnded = true;
            }
        }
    }

    private static BlockingTransport awaitServer(Future<BlockingTransport> served, Deadline deadline)
            throws InterruptedException {
        try {
            return served.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the server failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            served.cancel(true);
            throw new AssertionError("the server did not end within " + deadline.limit().toSeconds() + " s");
        }
    }
}
