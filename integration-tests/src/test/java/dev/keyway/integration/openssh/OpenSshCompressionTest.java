package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.TransportEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSH's {@code ssh -C} against a Keyway {@link SshServer} with its default algorithms:
 * {@code zlib@openssh.com} is negotiated and runs from the login on (RFC 4253 §6.2, OpenSSH's
 * delayed compression), 16 MiB of zeros cross in a small fraction of their size and arrive
 * whole; without {@code -C}, nothing is compressed.
 */
class OpenSshCompressionTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int SIZE = 16 << 20;

    @TempDir
    static Path dir;
    private static OpenSshInstallation openSsh;
    private static SshServer server;
    private static int port;
    private static Path userKey;
    private static Path knownHosts;
    private static final List<String> negotiated = new CopyOnWriteArrayList<>();
    private static final AtomicLong written = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        openSsh = OpenSshInstallation.require();
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        userKey = dir.resolve("id_ed25519");
        BoundedProcess.Result made = BoundedProcess.run(List.of(openSsh.sshKeygen().toString(), "-q", "-t", "ed25519",
                "-N", "", "-C", "", "-f", userKey.toString()), LIMIT);
        assertEquals(0, made.exitCode(), made.output());
        byte[] authorized = Base64.getDecoder().decode(Files.readString(Path.of(userKey + ".pub")).trim().split("\\s+")[1]);
        server = SshServer.builder().registry(registry).hostKeys(List.of(hostKey))
                .publicKeyAuthenticator((user, key) -> Arrays.equals(PublicKeyBlob.encode(key), authorized))
                .execHandler(new SystemShell())
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.AlgorithmsNegotiated a) {
                        negotiated.add(a.algorithms().compressionServerToClient());
                    }
                })
                .wireObserver(bytes -> written.addAndGet(bytes.remaining()))
                .build();
        InetSocketAddress address = server.start();
        port = address.getPort();
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " ssh-ed25519 "
                + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(hostKey.getPublic())) + "\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs {@code head -c SIZE /dev/zero} through ssh; returns the bytes the server wrote for it. */
    private static long zerosThrough(String... options) {
        List<String> c = new ArrayList<>(List.of(openSsh.ssh().toString(), "-F", "/dev/null", "-p", Integer.toString(port),
                "-i", userKey.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"));
        c.addAll(List.of(options));
        c.addAll(List.of("tester@127.0.0.1", "head -c " + SIZE + " /dev/zero | wc -c; head -c " + SIZE + " /dev/zero"));
        long before = written.get();
        BoundedProcess.Result r = BoundedProcess.run(c, LIMIT);
        assertEquals(0, r.exitCode(), () -> r.output().substring(0, Math.min(200, r.output().length())));
        String out = r.output();
        int newline = out.indexOf('\n');
        assertEquals(String.valueOf(SIZE), out.substring(0, newline).trim());
        assertEquals(SIZE, out.length() - newline - 1, "every byte arrived");
        assertTrue(out.substring(newline + 1).chars().allMatch(ch -> ch == 0), "and they are the zeros sent");
        return written.get() - before;
    }

    @Test
    void sshDashCNegotiatesDelayedZlibAndShrinksTheStream() {
        negotiated.clear();
        long onWire = zerosThrough("-C");
        assertEquals(List.of("zlib@openssh.com"), negotiated);
        assertTrue(onWire < SIZE / 20, "16 MiB of zeros took " + onWire + " bytes on the wire");
    }

    @Test
    void withoutDashCNothingIsCompressed() {
        negotiated.clear();
        long onWire = zerosThrough();
        assertEquals(List.of("none"), negotiated);
        assertTrue(onWire > SIZE, "16 MiB took " + onWire + " bytes on the wire");
    }
}
