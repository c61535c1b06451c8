package dev.keyway.benchmarks;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole packet path of the transport engine, in memory: a client engine frames and seals
 * a 32 KiB message, the bytes move to a server engine, which opens it and hands it up. One op
 * is one byte of payload, so the score in ops/µs reads as MB/s. Run with {@code -prof gc} to
 * see the allocation per byte (the server hands payloads to a {@code ServiceMessageSink}, the
 * copy-free path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransportThroughputBenchmark {
    private static final int MESSAGE = 32 * 1024;

    /** {@code cipher} or {@code cipher:mac}. */
    @Param({"chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
        "aes128-ctr:hmac-sha2-256-etm@openssh.com", "aes256-ctr:hmac-sha2-512-etm@openssh.com"})
    public String algorithms;

    private SshTransport client;
    private SshTransport server;
    /** Bytes the server handed up; read so that the delivery cannot be optimised away. */
    private long delivered;
    private final byte[] message = new byte[MESSAGE];
    private final byte[] wire = new byte[256 * 1024];

    @Setup
    public void handshake() {
        String[] parts = algorithms.split(":");
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, parts[0]);
        if (parts.length > 1) {
            policy = policy.with(AlgorithmCategory.MAC, parts[1]);
        }
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        var hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        client = SshTransport.client(TransportConfig.builder(registry).policy(policy)
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build());
        server = SshTransport.server(TransportConfig.builder(registry).policy(policy)
                .hostKeys(List.of(hostKey)).build());
        while (client.pendingOutput() > 0 || server.pendingOutput() > 0) {
            move(client, server);
            move(server, client);
        }
        if (!client.isEstablished() || !server.isEstablished()) {
            throw new IllegalStateException("handshake failed for " + algorithms);
        }
        drain(client, null);
        drain(server, null);
        // The zero-copy path a connection layer uses: payloads are read where they were opened.
        server.setServiceMessageSink((buf, off, len) -> {
            delivered += len;
            return true;
        });
        message[0] = 94;
        new SecureRandom().nextBytes(message);
        message[0] = 94;
    }

    private void move(SshTransport from, SshTransport to) {
        int n;
        while ((n = from.readOutput(wire, 0, wire.length)) > 0) {
            to.receive(wire, 0, n);
        }
    }

    private static void drain(SshTransport t, Blackhole bh) {
        for (TransportEvent e; (e = t.pollEvent()) != null; ) {
            if (bh != null) {
                bh.consume(e);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGE)
    public void sealSendOpen(Blackhole bh) {
        client.send(message);
        move(client, server);
        drain(server, bh);
        bh.consume(delivered);
        // Rekeys (every 1 GiB) need the server's answer to reach the client.
        if (server.pendingOutput() > 0) {
            move(server, client);
            drain(client, bh);
        }
    }
}
