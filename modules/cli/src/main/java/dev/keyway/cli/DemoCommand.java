package dev.keyway.cli;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Runs a Keyway client and a Keyway server in this process over a real TCP connection on
 * 127.0.0.1 and prints the session's sequence as it happens.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows a real SSH session on 127.0.0.1, step by step.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        SessionTrace trace = new SessionTrace(out);
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        out.println("Keyway demo: an SSH-2 session between a Keyway client and a Keyway server on 127.0.0.1");
        out.println("algorithm providers found: " + registry.providers());

        SignatureAlgorithm ed25519 = registry.signature("ssh-ed25519").orElseThrow();
        KeyPair hostKey = ed25519.generateKeyPair(new SecureRandom());
        String expected = new ServerHostKey("ssh-ed25519", ed25519.encodePublicKey(hostKey.getPublic()),
                hostKey.getPublic()).fingerprint();

        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
            trace.section("TCP connection");
            trace.note("server", "listening on " + address.getHostString() + ":" + address.getPort()
                    + " with a new " + "ssh-ed25519 host key " + expected);
            SocketChannel clientChannel = SocketChannel.open(address);
            SocketChannel serverChannel = listener.accept();
            trace.step("client", "server", "TCP connect (SYN, SYN-ACK, ACK: the kernel's three-way handshake)");

            SshTransport server = SshTransport.server(TransportConfig.builder(registry).hostKeys(List.of(hostKey)).build());
            SshTransport client = SshTransport.client(TransportConfig.builder(registry)
                    .hostKeyVerifier(key -> key.fingerprint().equals(expected)).build());
            Session session = new Session(client, server, trace);
            try (LoopbackPump pump = new LoopbackPump(client, clientChannel, server, serverChannel, session)) {
                session.start();
                pump.runUntil(() -> client.isEstablished() && server.isEstablished(), Duration.ofSeconds(20));
                client.send(new SshWriter().writeByte(5).writeUtf8("ssh-userauth").toByteArray());
                pump.runUntil(() -> session.serviceAccepted || client.isClosed(), Duration.ofSeconds(20));
                session.closing = true;
                client.disconnect(DisconnectReason.BY_APPLICATION, "demo finished");
                session.afterStep();
                pump.runUntil(server::isClosed, Duration.ofSeconds(20));
            }
            trace.note("client", "closes the TCP connection (FIN)");
            out.println();
            boolean ok = session.serviceAccepted && session.failure == null;
            out.println(ok ? "The session ran to the end." : "The session failed: " + session.failure);
            return ok ? 0 : 1;
        }
    }

    /** Routes both engines' events to the trace and answers the client's service request. */
    private static final class Session implements LoopbackPump.Observer {
        private final SshTransport client;
        private final SshTransport server;
        private final SessionTrace trace;
        /** Per side (client 0, server 1): NEWKEYS queued, and NEWKEYS already on the wire. */
        private final boolean[] newKeysQueued = new boolean[2];
        private final boolean[] newKeysWritten = new boolean[2];
        boolean serviceAccepted;
        boolean closing;
        String failure;

        Session(SshTransport client, SshTransport server, SessionTrace trace) {
            this.client = client;
            this.server = server;
            this.trace = trace;
        }

        /**
         * Both engines queued their identification and KEXINIT when created; the version
         * exchange is shown first, as the course notes order it.
         */
        void start() {
            List<TransportEvent> clientEvents = drain(client);
            List<TransportEvent> serverEvents = drain(server);
            for (boolean identifications : new boolean[] {true, false}) {
                for (TransportEvent e : clientEvents) {
                    if (identifications == e instanceof TransportEvent.IdentificationSent) {
                        trace.event(true, e);
                    }
                }
                for (TransportEvent e : serverEvents) {
                    if (identifications == e instanceof TransportEvent.IdentificationSent) {
                        trace.event(false, e);
                    }
                }
            }
        }

        private static List<TransportEvent> drain(SshTransport engine) {
            List<TransportEvent> events = new java.util.ArrayList<>();
            for (TransportEvent e; (e = engine.pollEvent()) != null; ) {
                events.add(e);
            }
            return events;
        }

        @Override
        public void afterStep() {
            for (TransportEvent e; (e = client.pollEvent()) != null; ) {
                trace.event(true, e);
                if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == 6) {
                    serviceAccepted = true;
                } else if (e instanceof TransportEvent.KexMessage m && m.sent() && m.messageName().equals("SSH_MSG_NEWKEYS")) {
                    newKeysQueued[0] = true;
                } else if (e instanceof TransportEvent.Disconnected d && !(d.byPeer() || closing)) {
                    failure = d.reason() + ": " + d.description();
                }
            }
            for (TransportEvent e; (e = server.pollEvent()) != null; ) {
                trace.event(false, e);
                if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == 5) {
                    // RFC 4253 §10: the server accepts a service it offers by naming it back.
                    server.send(new SshWriter().writeByte(6).writeUtf8("ssh-userauth").toByteArray());
                } else if (e instanceof TransportEvent.KexMessage m && m.sent() && m.messageName().equals("SSH_MSG_NEWKEYS")) {
                    newKeysQueued[1] = true;
                } else if (e instanceof TransportEvent.Disconnected d && !d.byPeer()) {
                    failure = d.reason() + ": " + d.description();
                }
            }
        }

        @Override
        public void wrote(boolean fromClient, ByteBuffer bytes) {
            // The write that carries a side's NEWKEYS is partly clear text; only later ones are shown.
            int side = fromClient ? 0 : 1;
            if (newKeysWritten[side]) {
                trace.wire(fromClient, bytes);
            }
            newKeysWritten[side] = newKeysQueued[side];
        }
    }
}
