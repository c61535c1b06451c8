package dev.keyway.cli;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.net.Connection;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.net.EventLoop;
import dev.keyway.net.Listener;
import dev.keyway.net.ObservedDriver;
import dev.keyway.net.TransportDriver;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a Keyway client and a Keyway server in this process over a real TCP connection on
 * 127.0.0.1 and prints the session's sequence as it happens. Both ends run on one event
 * loop thread, so the printed order is the order in which things happened.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows a real SSH session on 127.0.0.1, step by step.")
final class DemoCommand implements Callable<Integer> {
    private static final long TIMEOUT_SECONDS = 20;

    @Option(names = "--diagram", paramLabel = "FILE.svg",
            description = "Also draw the session as a sequence diagram (SVG), like the course notes' PlantUML one.")
    private Path diagramFile;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        SequenceDiagram diagram = new SequenceDiagram();
        SessionTrace trace = new SessionTrace(out, diagram);
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        out.println("Keyway demo: an SSH-2 session between a Keyway client and a Keyway server on 127.0.0.1");
        out.println("algorithm providers found: " + registry.providers());

        SignatureAlgorithm ed25519 = registry.signature("ssh-ed25519").orElseThrow();
        KeyPair hostKey = ed25519.generateKeyPair(new SecureRandom());
        String expected = new ServerHostKey("ssh-ed25519", ed25519.encodePublicKey(hostKey.getPublic()),
                hostKey.getPublic()).fingerprint();
        SshTransport server = SshTransport.server(TransportConfig.builder(registry).hostKeys(List.of(hostKey)).build());
        SshTransport client = SshTransport.client(TransportConfig.builder(registry)
                .hostKeyVerifier(key -> key.fingerprint().equals(expected)).build());
        Session session = new Session(client, server, trace);

        try (EventLoop loop = EventLoop.start("keyway-demo");
                Listener listener = Listener.bind(loop, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        () -> new ObservedDriver(new TransportDriver(server, (c, e) -> session.serverEvent(e)),
                                bytes -> session.wrote(false, bytes), () -> { }),
                        ConnectionLimits.defaults())) {
            trace.section("TCP connection");
            trace.note("server", "listening on " + listener.address().getHostString() + ":"
                    + listener.address().getPort() + " with a new ssh-ed25519 host key " + expected);
            trace.step("client", "server", "TCP connect (SYN, SYN-ACK, ACK: the kernel's three-way handshake)");
            Connection connection = Connection.connect(loop, listener.address(),
                    new ObservedDriver(new TransportDriver(client, (c, e) -> session.clientEvent(e)),
                            bytes -> session.wrote(true, bytes), () -> { }),
                    ConnectionLimits.defaults()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            connection.closed().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            session.serverDone.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        trace.note("client", "closes the TCP connection (FIN)");
        out.println();
        if (diagramFile != null) {
            try (OutputStream svg = Files.newOutputStream(diagramFile)) {
                diagram.writeSvg(svg);
            }
            out.println("Sequence diagram written to " + diagramFile);
        }
        boolean ok = session.serviceAccepted && session.failure == null;
        out.println(ok ? "The session ran to the end." : "The session failed: " + session.failure);
        return ok ? 0 : 1;
    }

    /** Routes both engines' events to the trace and plays both sides' parts. */
    private static final class Session {
        private final SshTransport client;
        private final SshTransport server;
        private final SessionTrace trace;
        private final CompletableFuture<Void> serverDone = new CompletableFuture<>();
        /** Per side (client 0, server 1): NEWKEYS queued, and NEWKEYS already on the wire. */
        private final boolean[] newKeysQueued = new boolean[2];
        private final boolean[] newKeysWritten = new boolean[2];
        /** The course notes show the version exchange before the KEXINITs, so those wait for both versions. */
        private final java.util.ArrayList<Runnable> afterVersions = new java.util.ArrayList<>();
        private int versionsShown;
        private boolean serviceAccepted;
        private boolean closing;
        private String failure;

        Session(SshTransport client, SshTransport server, SessionTrace trace) {
            this.client = client;
            this.server = server;
            this.trace = trace;
        }

        void clientEvent(TransportEvent e) {
            show(true, e);
            if (e instanceof TransportEvent.KeysEstablished k && k.keyExchangeCount() == 1) {
                client.send(new SshWriter().writeByte(5).writeUtf8("ssh-userauth").toByteArray());
            } else if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == 6) {
                serviceAccepted = true;
                closing = true;
                client.disconnect(DisconnectReason.BY_APPLICATION, "demo finished");
            } else if (e instanceof TransportEvent.KexMessage m && m.sent() && m.messageName().equals("SSH_MSG_NEWKEYS")) {
                newKeysQueued[0] = true;
            } else if (e instanceof TransportEvent.Disconnected d && !(d.byPeer() || closing)) {
                failure = d.reason() + ": " + d.description();
            }
        }

        void serverEvent(TransportEvent e) {
            show(false, e);
            if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == 5) {
                // RFC 4253 §10: the server accepts a service it offers by naming it back.
                server.send(new SshWriter().writeByte(6).writeUtf8("ssh-userauth").toByteArray());
            } else if (e instanceof TransportEvent.KexMessage m && m.sent() && m.messageName().equals("SSH_MSG_NEWKEYS")) {
                newKeysQueued[1] = true;
            } else if (e instanceof TransportEvent.Disconnected d) {
                if (!d.byPeer()) {
                    failure = d.reason() + ": " + d.description();
                }
                serverDone.complete(null);
            }
        }

        private void show(boolean fromClient, TransportEvent e) {
            if (e instanceof TransportEvent.IdentificationSent) {
                trace.event(fromClient, e);
                if (++versionsShown == 2) {
                    afterVersions.forEach(Runnable::run);
                    afterVersions.clear();
                }
            } else if (versionsShown < 2) {
                afterVersions.add(() -> trace.event(fromClient, e));
            } else {
                trace.event(fromClient, e);
            }
        }

        void wrote(boolean fromClient, java.nio.ByteBuffer bytes) {
            int side = fromClient ? 0 : 1;
            if (newKeysWritten[side]) {
                trace.wire(fromClient, bytes);
                return;
            }
            if (!newKeysQueued[side]) {
                return;
            }
            // Packets up to this side's NEWKEYS are clear text (RFC 4253 §6: packet_length, then
            // padding_length, then the message number); whatever follows it is encrypted.
            java.nio.ByteBuffer b = bytes.duplicate();
            while (b.remaining() >= 6) {
                int end = b.position() + 4 + b.getInt(b.position());
                int message = b.get(b.position() + 5) & 0xff;
                if (end > b.limit()) {
                    return;
                }
                b.position(end);
                if (message == 21) {
                    newKeysWritten[side] = true;
                    if (b.hasRemaining()) {
                        trace.wire(fromClient, b);
                    }
                    return;
                }
            }
        }
    }
}
