package dev.keyway.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A client and a server engine wired together in memory. Bytes move between them in chunks
 * whose sizes a seeded random source picks, so every split of the stream gets exercised;
 * events are collected per side.
 */
final class TransportPair {
    final SshTransport client;
    final SshTransport server;
    final List<TransportEvent> clientEvents = new ArrayList<>();
    final List<TransportEvent> serverEvents = new ArrayList<>();
    private final Random chunks;
    private final int maxChunk;
    private Consumer<TransportPair> betweenChunks = p -> { };

    TransportPair(TransportConfig clientConfig, TransportConfig serverConfig) {
        this(clientConfig, serverConfig, new Random(1), Integer.MAX_VALUE);
    }

    TransportPair(TransportConfig clientConfig, TransportConfig serverConfig, Random chunks, int maxChunk) {
        this(SshTransport.client(clientConfig), SshTransport.server(serverConfig), chunks, maxChunk);
    }

    /** Engines built elsewhere (a hostile one, say), bytes moved whole. */
    TransportPair(SshTransport client, SshTransport server) {
        this(client, server, new Random(1), Integer.MAX_VALUE);
    }

    private TransportPair(SshTransport client, SshTransport server, Random chunks, int maxChunk) {
        this.client = client;
        this.server = server;
        this.chunks = chunks;
        this.maxChunk = maxChunk;
    }

    /** Runs something (noise, a rekey request) after every chunk delivered. */
    TransportPair betweenChunks(Consumer<TransportPair> action) {
        this.betweenChunks = action;
        return this;
    }

    /** Moves bytes both ways until neither side has anything to send. */
    void pump() {
        for (int rounds = 0; rounds < 10_000_000; rounds++) {
            boolean moved = move(client, server) | move(server, client);
            drain();
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the engines kept talking for ten million rounds");
    }

    private boolean move(SshTransport from, SshTransport to) {
        int n = from.pendingOutput();
        if (n == 0) {
            return false;
        }
        int chunk = maxChunk == Integer.MAX_VALUE ? n : 1 + chunks.nextInt(Math.min(n, maxChunk));
        byte[] buf = new byte[chunk];
        int got = from.readOutput(buf, 0, chunk);
        to.receive(buf, 0, got);
        betweenChunks.accept(this);
        return true;
    }

    private void drain() {
        for (TransportEvent e; (e = client.pollEvent()) != null; ) {
            clientEvents.add(e);
        }
        for (TransportEvent e; (e = server.pollEvent()) != null; ) {
            serverEvents.add(e);
        }
    }

    /** Payloads of the service messages a side received, in order. */
    static List<byte[]> serviceMessages(List<TransportEvent> events) {
        List<byte[]> out = new ArrayList<>();
        for (TransportEvent e : events) {
            if (e instanceof TransportEvent.ServiceMessage m) {
                out.add(m.payload());
            }
        }
        return out;
    }

    static <T extends TransportEvent> List<T> eventsOf(List<TransportEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (TransportEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}
