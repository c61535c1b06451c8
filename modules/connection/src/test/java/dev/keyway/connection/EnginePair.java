package dev.keyway.connection;

import dev.keyway.api.SshProtocolException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A client and a server engine back to back in memory: what one sends, the other receives
 * when {@link #pump()} runs. Every payload is also kept, so tests can look at the wire.
 */
final class EnginePair {
    final ConnectionEngine client;
    final ConnectionEngine server;
    final List<byte[]> sentByClient = new ArrayList<>();
    final List<byte[]> sentByServer = new ArrayList<>();
    private final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    private final ArrayDeque<byte[]> toClient = new ArrayDeque<>();

    EnginePair() {
        this(ConnectionConfig.client(), ConnectionConfig.server());
    }

    EnginePair(ConnectionConfig clientConfig, ConnectionConfig serverConfig) {
        client = new ConnectionEngine(true, clientConfig, p -> {
            sentByClient.add(p);
            toServer.add(p);
        });
        server = new ConnectionEngine(false, serverConfig, p -> {
            sentByServer.add(p);
            toClient.add(p);
        });
    }

    /** Delivers everything in flight, both ways, until neither side has more to say. */
    void pump() throws SshProtocolException {
        while (!toServer.isEmpty() || !toClient.isEmpty()) {
            for (byte[] m; (m = toServer.poll()) != null; ) {
                server.receive(m, 0, m.length);
            }
            for (byte[] m; (m = toClient.poll()) != null; ) {
                client.receive(m, 0, m.length);
            }
        }
    }

    static List<ConnectionEvent> events(ConnectionEngine engine) {
        List<ConnectionEvent> out = new ArrayList<>();
        for (ConnectionEvent e; (e = engine.pollEvent()) != null; ) {
            out.add(e);
        }
        return out;
    }

    /** Opens a session from the client, accepted by the server; returns {client id, server id}. */
    int[] openSession() throws SshProtocolException {
        int clientId = client.openSession();
        pump();
        ConnectionEvent.ChannelOpenRequested requested = only(events(server), ConnectionEvent.ChannelOpenRequested.class);
        server.acceptOpen(requested.channel());
        pump();
        only(events(client), ConnectionEvent.ChannelOpened.class);
        return new int[] {clientId, requested.channel()};
    }

    static <T extends ConnectionEvent> T only(List<ConnectionEvent> events, Class<T> type) {
        if (events.size() != 1 || !type.isInstance(events.get(0))) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", got " + events);
        }
        return type.cast(events.get(0));
    }
}
