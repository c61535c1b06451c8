package dev.keyway.benchmarks;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.HostKeyVerifier;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Heap held per idle, logged-in session: N Keyway clients connect to a Keyway {@link SshServer}
 * in this JVM over 127.0.0.1, complete the key exchange and a password login, and stay idle
 * with no channel open; the heap after a full GC, minus the heap before, divided by 2N (both
 * ends live here) is the cost of one side: transport keys and buffers, user auth and
 * connection state, socket. Not a JMH benchmark: run {@code java -cp
 * modules/benchmarks/target/benchmarks.jar dev.keyway.benchmarks.IdleSessionFootprint [N]}.
 */
public final class IdleSessionFootprint {
    private static final char[] PASSWORD = "idle".toCharArray();

    private IdleSessionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        try (SshServer server = SshServer.builder().registry(registry).hostKeys(List.of(hostKey))
                .passwordAuthenticator((user, password) -> Arrays.equals(password, PASSWORD))
                .execHandler(new SystemShell()).build();
                SshClient client = SshClient.builder().registry(registry)
                        .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).timeout(Duration.ofSeconds(30)).build()) {
            InetSocketAddress address = server.start();
            long before = heapAfterGc();
            List<ClientSession> sessions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sessions.add(client.connect("127.0.0.1", address.getPort(), "idle", Credentials.password(PASSWORD)));
            }
            long after = heapAfterGc();
            System.out.printf("%d idle logged-in sessions (both ends in this JVM): %.1f KiB of heap per side%n",
                    n, (after - before) / 1024.0 / (2.0 * n));
            sessions.forEach(ClientSession::close);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
