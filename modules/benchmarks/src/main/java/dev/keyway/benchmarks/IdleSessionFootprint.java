package dev.keyway.benchmarks;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.net.Connection;
import dev.keyway.net.ConnectionLimits;
import dev.keyway.net.EventLoop;
import dev.keyway.net.Listener;
import dev.keyway.net.TransportDriver;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heap held per idle, established transport session: N Keyway clients connect to a Keyway
 * server in this JVM over 127.0.0.1, complete the key exchange and stay idle; the heap after
 * a full GC, minus the heap before, divided by 2N (both ends live here) is the cost of one
 * side. Not a JMH benchmark: run {@code java -cp target/benchmarks.jar
 * dev.keyway.benchmarks.IdleSessionFootprint [N]}.
 */
public final class IdleSessionFootprint {
    private IdleSessionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        try (EventLoop serverLoop = EventLoop.start("server"); EventLoop clientLoop = EventLoop.start("client");
                Listener listener = Listener.bind(serverLoop, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        () -> new TransportDriver(SshTransport.server(TransportConfig.builder(registry)
                                .hostKeys(List.of(hostKey)).build()), (c, e) -> { }), ConnectionLimits.defaults())) {
            long before = heapAfterGc();
            List<CompletableFuture<?>> established = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CompletableFuture<Void> up = new CompletableFuture<>();
                SshTransport client = SshTransport.client(TransportConfig.builder(registry)
                        .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build());
                connections.add(Connection.connect(clientLoop, listener.address(), new TransportDriver(client,
                        (c, e) -> {
                            if (client.isEstablished()) {
                                up.complete(null);
                            }
                        }), ConnectionLimits.defaults()).get(30, TimeUnit.SECONDS));
                established.add(up);
            }
            CompletableFuture.allOf(established.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long after = heapAfterGc();
            System.out.printf("%d idle established sessions (both ends in this JVM): %.1f KiB of heap per side%n",
                    n, (after - before) / 1024.0 / (2.0 * n));
            connections.forEach(Connection::close);
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
