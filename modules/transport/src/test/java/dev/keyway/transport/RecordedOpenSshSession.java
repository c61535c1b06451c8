package dev.keyway.transport;

import dev.keyway.api.AlgorithmCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Records the bytes a real OpenSSH sshd sends to a Keyway client during the first key
 * exchange, for {@link RecordedSessionReplayTest}. Not a test: run by hand against an sshd on
 * 127.0.0.1 when the recording must be made again:
 * {@code java ... RecordedOpenSshSession PORT OUTPUT_FILE}.
 */
final class RecordedOpenSshSession {
    static final long SEED = 20261126L;
    static final String KEX = "curve25519-sha256";
    static final String CIPHER = "chacha20-poly1305@openssh.com";
    static final String HOST_KEY = "ssh-ed25519";

    private RecordedOpenSshSession() {
    }

    static TransportConfig clientConfig() {
        return TransportConfig.builder(TestKeys.JCA_FIRST)
                .random(new SeededRandom(SEED))
                .policy(AlgorithmPolicy.defaults()
                        .with(AlgorithmCategory.KEY_EXCHANGE, KEX)
                        .with(AlgorithmCategory.CIPHER, CIPHER)
                        .with(AlgorithmCategory.HOST_KEY, HOST_KEY)
                        // As recorded: the client's KEXINIT, hashed into H, offered no compression.
                        .with(AlgorithmCategory.COMPRESSION, "none"))
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny())
                .build();
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        SshTransport client = SshTransport.client(clientConfig());
        List<String> lines = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[65536];
            boolean done = false;
            while (!done) {
                byte[] pending = new byte[client.pendingOutput()];
                client.readOutput(pending, 0, pending.length);
                out.write(pending);
                out.flush();
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("sshd closed the connection");
                }
                lines.add(HexFormat.of().formatHex(buf, 0, n));
                client.receive(buf, 0, n);
                for (TransportEvent e; (e = client.pollEvent()) != null; ) {
                    System.out.println(e);
                    done |= e instanceof TransportEvent.ExtensionInfo;
                    if (e instanceof TransportEvent.Disconnected) {
                        throw new IOException("disconnected: " + e);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> file = new ArrayList<>();
        file.add("# Bytes sent by OpenSSH sshd (" + client.peerIdentification().orElseThrow() + ") to a Keyway client on 127.0.0.1,");
        file.add("# one read per line, hex. Client: seed " + SEED + ", " + KEX + ", " + CIPHER + ", " + HOST_KEY + ".");
        file.add("session-id " + HexFormat.of().formatHex(client.sessionId().orElseThrow()));
        for (String l : lines) {
            file.add("server " + l);
        }
        Files.write(Path.of(args[1]), file, StandardCharsets.US_ASCII);
    }
}
