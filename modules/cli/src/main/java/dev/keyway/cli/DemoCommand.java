package dev.keyway.cli;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.TransportEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a Keyway {@link SshServer} and a Keyway {@link SshClient} in this process, over a
 * real TCP connection on 127.0.0.1, and prints the session as it happens: the client logs
 * in with a password and runs one command. Both sides are watched; each message is shown
 * once, from the side that sent it, in the order of the seed course notes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows a real SSH session on 127.0.0.1, step by step.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String USER = "alice";
    private static final String COMMAND = "echo Hello from the Keyway server";

    @Option(names = "--diagram", paramLabel = "FILE.svg",
            description = "Also draw the session as a sequence diagram (SVG), like the course notes' PlantUML one.")
    private Path diagramFile;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        SequenceDiagram diagram = new SequenceDiagram();
        Trace trace = new Trace(new SessionTrace(out, diagram));
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        out.println("Keyway demo: an SSH-2 session between a Keyway client and a Keyway server on 127.0.0.1");
        out.println("algorithm providers found: " + registry.providers());

        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        String expected = KeyFingerprint.sha256(PublicKeyBlob.encode(hostKey.getPublic()));
        char[] password = randomPassword();
        int status;
        try (SshServer server = SshServer.builder().registry(registry).hostKeys(List.of(hostKey))
                .passwordAuthenticator((user, given) -> user.equals(USER) && Arrays.equals(given, password))
                .execHandler(new SystemShell())
                .transportObserver(e -> trace.event(false, e))
                .messageObserver((sent, payload) -> trace.message(false, sent, payload))
                .wireObserver(bytes -> trace.wrote(false, bytes))
                .build();
                SshClient client = SshClient.builder().registry(registry).timeout(TIMEOUT)
                        .hostKeyVerifier(key -> key.fingerprint().equals(expected))
                        .transportObserver(e -> trace.event(true, e))
                        .messageObserver((sent, payload) -> trace.message(true, sent, payload))
                        .wireObserver(bytes -> trace.wrote(true, bytes))
                        .build()) {
            InetSocketAddress address = server.start();
            trace.opening(address, expected);
            try (ClientSession session = client.connect("127.0.0.1", address.getPort(), USER,
                    Credentials.password(password))) {
                RemoteProcess process = session.exec(COMMAND);
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                status = process.waitFor(TIMEOUT);
                trace.result(output, status);
            }
            trace.awaitDisconnect(TIMEOUT);
        }
        trace.closed();
        out.println();
        if (diagramFile != null) {
            try (OutputStream svg = Files.newOutputStream(diagramFile)) {
                diagram.writeSvg(svg);
            }
            out.println("Sequence diagram written to " + diagramFile);
        }
        boolean ok = status == 0 && trace.disconnected();
        out.println(ok ? "The session ran to the end." : "The session failed (exit status " + status + ").");
        return ok ? 0 : 1;
    }

    /** A password nobody else can guess, shown to no one: the demo only needs it to be checked. */
    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] p = new char[20];
        for (int i = 0; i < p.length; i++) {
            p[i] = (char) ('a' + random.nextInt(26));
        }
        return p;
    }

    /**
     * Orders the two sides' reports, which arrive on two network threads: each is printed as
     * it happens, one at a time. The course notes show both identification strings before
     * the KEXINITs, so events that come before both are held until then.
     */
    private static final class Trace {
        private final SessionTrace trace;
        /** Per side (client 0, server 1): NEWKEYS sent, and NEWKEYS already on the wire. */
        private final boolean[] newKeysSent = new boolean[2];
        private final boolean[] newKeysWritten = new boolean[2];
        private final List<Runnable> afterVersions = new ArrayList<>();
        private int versionsShown;
        private boolean disconnected;

        Trace(SessionTrace trace) {
            this.trace = trace;
        }

        synchronized void opening(InetSocketAddress address, String fingerprint) {
            trace.section("TCP connection");
            trace.note("server", "listening on " + address.getHostString() + ":" + address.getPort()
                    + " with a new ssh-ed25519 host key " + fingerprint);
            trace.step("client", "server", "TCP connect (SYN, SYN-ACK, ACK: the kernel's three-way handshake)");
        }

        synchronized void event(boolean client, TransportEvent e) {
            if (e instanceof TransportEvent.NewKeys n && n.sent()) {
                newKeysSent[client ? 0 : 1] = true;
            }
            if (e instanceof TransportEvent.Disconnected) {
                disconnected = true;
                notifyAll();
            }
            if (e instanceof TransportEvent.IdentificationSent) {
                trace.event(client, e);
                if (++versionsShown == 2) {
                    afterVersions.forEach(Runnable::run);
                    afterVersions.clear();
                }
            } else if (versionsShown < 2) {
                afterVersions.add(() -> trace.event(client, e));
            } else {
                trace.event(client, e);
            }
        }

        synchronized void message(boolean client, boolean sent, byte[] payload) {
            trace.message(client, sent, payload);
        }

        /**
         * Shows a side's bytes once its keys are in force: packets up to and including its
         * NEWKEYS are clear text (RFC 4253 §6: packet_length, padding_length, message number);
         * whatever follows is encrypted, and a learner sees the ciphertext next to the
         * message it carries.
         */
        synchronized void wrote(boolean client, ByteBuffer bytes) {
            int side = client ? 0 : 1;
            if (newKeysWritten[side]) {
                if (bytes.hasRemaining()) {
                    trace.wire(client, bytes);
                }
                return;
            }
            if (!newKeysSent[side]) {
                return;
            }
            ByteBuffer b = bytes.duplicate();
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
                        trace.wire(client, b);
                    }
                    return;
                }
            }
        }

        synchronized void result(String output, int status) {
            trace.note("client", "prints the command's output: " + output.strip());
            trace.note("client", "the command exited with status " + status);
        }

        synchronized void awaitDisconnect(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!disconnected && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }

        synchronized boolean disconnected() {
            return disconnected;
        }

        synchronized void closed() {
            trace.note("client", "closes the TCP connection (FIN)");
        }
    }
}
