package dev.keyway.integration.openssh;

import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Peers that send small packets of message numbers no layer knows, as fast as the server takes
 * them, and never read: each one costs the server an SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4)
 * that cannot be delivered. Some peers send in clear before any key exchange; the others first
 * finish the key exchange with Keyway's engine, then send encrypted packets through
 * {@link SshTransport#dangerSendRawPayload}. Writes never block, so one thread drives them all
 * and can tell when the server stopped reading.
 */
final class NonReadingFlood implements AutoCloseable {
    /** A transport number nobody assigned (RFC 4253 §11.4), answered in any state. */
    private static final byte UNASSIGNED_TRANSPORT = 15;
    /** A number past every layer's (RFC 4250 §4.1.2: 192 to 255 are local extensions). */
    private static final byte LOCAL_EXTENSION = (byte) 200;
    /** Packets made at a time for one peer. */
    private static final int BATCH = 1024;
    private static final long POLL_MILLIS = 20;

    /** What the flood achieved: bytes that got through, whether the server stopped taking more, peers it cut. */
    record Outcome(long bytesSent, boolean stalled, int peersCut) {
    }

    private final List<Peer> peers = new ArrayList<>();

    private NonReadingFlood() {
    }

    /**
     * Connects {@code inClear} peers that send unknown packets in clear after their
     * identification, and {@code afterKeyExchange} peers that first finish the key exchange
     * (with {@code config}), all to 127.0.0.1:{@code port}.
     */
    static NonReadingFlood connect(int port, int inClear, int afterKeyExchange, TransportConfig config,
            Deadline deadline) throws IOException {
        NonReadingFlood flood = new NonReadingFlood();
        try {
            for (int i = 0; i < inClear; i++) {
                SocketChannel ch = open(port, deadline);
                ch.socket().getOutputStream().write("SSH-2.0-KeywayFlood_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
                ByteBuffer batch = clearBatch();
                flood.add(ch, batch::duplicate);
            }
            for (int i = 0; i < afterKeyExchange; i++) {
                SocketChannel ch = open(port, deadline);
                SshTransport engine = SshTransport.client(config);
                BlockingTransport t = new BlockingTransport(ch.socket(), engine);
                t.await(TransportEvent.KeysEstablished.class, e -> true, "the key exchange", deadline);
                flood.add(ch, () -> encryptedBatch(engine));
            }
            return flood;
        } catch (IOException | RuntimeException | Error e) {
            flood.close();
            throw e;
        }
    }

    private static SocketChannel open(int port, Deadline deadline) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.socket().connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    deadline.remainingMillis());
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private void add(SocketChannel ch, Supplier<ByteBuffer> batches) throws IOException {
        ch.configureBlocking(false);
        peers.add(new Peer(ch, batches));
    }

    private static ByteBuffer clearBatch() {
        byte[] packet = MitmDirection.clearTextPacket(new byte[] {UNASSIGNED_TRANSPORT});
        ByteBuffer b = ByteBuffer.allocate(packet.length * BATCH);
        for (int i = 0; i < BATCH; i++) {
            b.put(packet);
        }
        return b.flip().asReadOnlyBuffer();
    }

    /** A batch under the current keys: unknown transport numbers and unknown service numbers in turn. */
    private static ByteBuffer encryptedBatch(SshTransport engine) {
        for (int i = 0; i < BATCH; i++) {
            engine.dangerSendRawPayload(new byte[] {i % 2 == 0 ? UNASSIGNED_TRANSPORT : LOCAL_EXTENSION});
        }
        ByteBuffer b = ByteBuffer.allocate(engine.pendingOutput());
        engine.readOutput(b);
        return b.flip();
    }

    /**
     * Writes to every peer until each has sent {@code budget} bytes, the server closed it, or
     * no peer got a byte through for {@code stall}: the server then stopped reading them all.
     */
    Outcome pushUntilStalled(long budget, Duration stall, Deadline deadline) throws InterruptedException {
        long lastProgress = System.nanoTime();
        while (true) {
            boolean progress = false;
            boolean working = false;
            for (Peer p : peers) {
                if (p.cut || p.sent >= budget) {
                    continue;
                }
                working = true;
                progress |= p.write();
            }
            if (!working) {
                return outcome(false);
            }
            long now = System.nanoTime();
            if (progress) {
                lastProgress = now;
            } else if (now - lastProgress >= stall.toNanos()) {
                return outcome(true);
            } else {
                Thread.sleep(POLL_MILLIS);
            }
            if (deadline.expired()) {
                throw new AssertionError("the flood neither stalled nor ended within " + deadline.limit().toSeconds()
                        + " s; " + outcome(false));
            }
        }
    }

    private Outcome outcome(boolean stalled) {
        return new Outcome(peers.stream().mapToLong(p -> p.sent).sum(), stalled,
                (int) peers.stream().filter(p -> p.cut).count());
    }

    @Override
    public void close() {
        for (Peer p : peers) {
            try {
                p.channel.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
        }
    }

    /** One flooding connection and the batch it is writing. */
    private static final class Peer {
        private final SocketChannel channel;
        private final Supplier<ByteBuffer> batches;
        private ByteBuffer pending;
        private long sent;
        private boolean cut;

        Peer(SocketChannel channel, Supplier<ByteBuffer> batches) {
            this.channel = channel;
            this.batches = batches;
        }

        /** One non-blocking write; whether any byte went through. A reset means the server cut the peer. */
        boolean write() {
            if (pending == null || !pending.hasRemaining()) {
                pending = batches.get();
            }
            try {
                int n = channel.write(pending);
                sent += n;
                return n > 0;
            } catch (IOException e) {
                cut = true;
                return false;
            }
        }
    }
}
