package dev.keyway.userauth;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.SshProtocolException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A client and a server engine wired back to back in memory: each side's sender queues
 * messages, {@link #run()} delivers them until both are quiet. A server error is kept, as the
 * owner would turn it into a disconnect.
 */
final class AuthPair {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    static final byte[] SESSION_ID = "a session identifier, as H".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    final Deque<byte[]> toServer = new ArrayDeque<>();
    final Deque<byte[]> toClient = new ArrayDeque<>();
    final List<byte[]> serverSent = new ArrayList<>();
    final List<byte[]> clientSent = new ArrayList<>();
    /** Every message either side sent, in the order they were sent. */
    final List<byte[]> conversation = new ArrayList<>();
    final List<UserAuthClientEvent> clientEvents = new ArrayList<>();
    final List<UserAuthServerEvent> serverEvents = new ArrayList<>();
    final UserAuthServer server;
    final UserAuthClient client;
    SshProtocolException serverError;

    AuthPair(UserAuthServerConfig serverConfig, UserAuthClientConfig clientConfig) {
        server = new UserAuthServer(serverConfig, p -> {
            toClient.add(p);
            serverSent.add(p);
            conversation.add(p);
        }, 0L);
        client = new UserAuthClient(clientConfig, p -> {
            toServer.add(p);
            clientSent.add(p.clone());
            conversation.add(p.clone());
        });
    }

    static UserAuthServerConfig.Builder server() {
        return UserAuthServerConfig.builder(REGISTRY, SESSION_ID).failureDelay(java.time.Duration.ZERO);
    }

    static UserAuthClientConfig.Builder client(String user) {
        return UserAuthClientConfig.builder(REGISTRY, SESSION_ID, user);
    }

    AuthPair run() throws SshProtocolException {
        client.start();
        return pump();
    }

    AuthPair pump() throws SshProtocolException {
        while (!toServer.isEmpty() || !toClient.isEmpty()) {
            byte[] m = toServer.poll();
            if (m != null && serverError == null) {
                try {
                    server.receive(m, 0, m.length, 0L);
                } catch (SshProtocolException e) {
                    serverError = e;
                    toClient.clear();
                }
            }
            byte[] r = toClient.poll();
            if (r != null) {
                client.receive(r, 0, r.length);
            }
        }
        for (UserAuthClientEvent e; (e = client.pollEvent()) != null; ) {
            clientEvents.add(e);
        }
        for (UserAuthServerEvent e; (e = server.pollEvent()) != null; ) {
            serverEvents.add(e);
        }
        return this;
    }

    UserAuthClientEvent lastClientEvent() {
        return clientEvents.get(clientEvents.size() - 1);
    }

    /** The payloads the server sent with this message number, in order. */
    List<byte[]> serverMessages(int type) {
        return serverSent.stream().filter(p -> (p[0] & 0xff) == type).toList();
    }

    List<String> attempts() {
        return clientEvents.stream().filter(UserAuthClientEvent.Attempting.class::isInstance)
                .map(e -> ((UserAuthClientEvent.Attempting) e).method()).toList();
    }
}
