package dev.keyway.integration.openssh;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.wire.WireFormatException;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * A one-connection Keyway transport server for an OpenSSH client, run in the test's own thread.
 * It answers SERVICE_REQUEST "ssh-userauth" with SERVICE_ACCEPT (RFC 4253 §10) and every
 * USERAUTH_REQUEST with USERAUTH_FAILURE listing "publickey" (RFC 4252 §5.1): the transport
 * works end to end and authentication is simply refused, so the client gives up.
 */
final class KeywayTransportServer implements AutoCloseable {
    private final ServerSocket listener;

    /** What the server saw: its events in order and how many login attempts it refused. */
    record Session(List<TransportEvent> events, int refusedLogins, String transcript) {
        long keyExchanges() {
            return events.stream().filter(e -> e instanceof TransportEvent.KeysEstablished).count();
        }
    }

    KeywayTransportServer() throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Accepts one connection and serves it until the client closes it.
     *
     * @param ignoreBytesAfterAccept how many bytes of SSH_MSG_IGNORE to send right after
     *        SERVICE_ACCEPT, in 1 KiB messages (0 for none), to push traffic past a volume limit
     */
    Session serveOne(TransportConfig config, int ignoreBytesAfterAccept, Deadline deadline)
            throws IOException, WireFormatException {
        listener.setSoTimeout(deadline.remainingMillis());
        Socket socket = listener.accept();
        int refused = 0;
        try (BlockingTransport t = new BlockingTransport(socket, SshTransport.server(config))) {
            for (TransportEvent e; (e = t.next(deadline)) != null; ) {
                if (e instanceof TransportEvent.ServiceMessage m) {
                    if (m.messageNumber() == ServiceLayerMessages.SERVICE_REQUEST) {
                        String service = ServiceLayerMessages.serviceName(m.payload());
                        if (!service.equals(ServiceLayerMessages.USERAUTH)) {
                            t.engine().disconnect(DisconnectReason.SERVICE_NOT_AVAILABLE, "no service " + service);
                            continue;
                        }
                        t.engine().send(ServiceLayerMessages.serviceAccept(service));
                        for (int sent = 0; sent < ignoreBytesAfterAccept; sent += 1024) {
                            t.engine().sendIgnore(new byte[1024]);
                        }
                    } else if (m.messageNumber() == ServiceLayerMessages.USERAUTH_REQUEST) {
                        refused++;
                        t.engine().send(ServiceLayerMessages.userAuthFailure(List.of("publickey")));
                    }
                }
            }
            return new Session(t.history(), refused, t.describe());
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
