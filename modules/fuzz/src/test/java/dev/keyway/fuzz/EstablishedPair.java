package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A client and a server engine that completed their key exchange in memory, joined by a
 * {@link Wire} each way, and the model of what each must have done:
 * <ul>
 * <li>what a side delivers is a prefix of what its peer sent, each message whole and in
 *     order, whatever happened on the wire (RFC 4253 §6.4: a changed packet never passes);
 * <li>a side ends at most once, with a reason, never for an "internal error", and, while
 *     nobody tampered with the wire, disconnected or lost the connection, never at all;
 * <li>once the wires are quiet with nothing of that kind, every message has arrived and both
 *     sides completed as many key exchanges.
 * </ul>
 */
final class EstablishedPair {
    /** Small, so that a few messages after USERAUTH_SUCCESS re-key by volume. */
    private static final long REKEY_BYTES = 4 * 1024;

    final Side client;
    final Side server;
    private boolean ended;

    /** Both sides with this cipher (and MAC, unless the cipher is an AEAD). */
    EstablishedPair(String cipher, String mac) {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.KEY_EXCHANGE, "curve25519-sha256")
                .with(AlgorithmCategory.HOST_KEY, "ssh-ed25519")
                .with(AlgorithmCategory.CIPHER, cipher)
                .with(AlgorithmCategory.MAC, mac);
        SshTransport c = SshTransport.client(Fixtures.client(Fixtures.FAST).policy(policy).rekeyAfterBytes(REKEY_BYTES).build());
        SshTransport s = SshTransport.server(Fixtures.server(Fixtures.FAST).policy(policy).rekeyAfterBytes(REKEY_BYTES).build());
        client = new Side("client", c, new Wire(c, s));
        server = new Side("server", s, new Wire(s, c));
        settle();
        assertTrue(c.isEstablished() && s.isEstablished(), "no key exchange with " + cipher + "/" + mac);
    }

    Side side(boolean isClient) {
        return isClient ? client : server;
    }

    Side peer(Side side) {
        return side == client ? server : client;
    }

    /** A side disconnects or loses its connection: from now on either side may end. */
    void end() {
        ended = true;
    }

    /** Delivers everything both ways until both wires are quiet. */
    void settle() {
        for (int round = 0; !(client.wire.quiet() && server.wire.quiet()); round++) {
            assertTrue(round < 10_000, "the engines kept talking");
            client.wire.deliver(Integer.MAX_VALUE);
            server.wire.deliver(Integer.MAX_VALUE);
            drain();
        }
        drain();
    }

    void drain() {
        client.drain();
        server.drain();
    }

    void checkInvariants() {
        drain();
        boolean disturbed = ended || client.wire.tampered() || server.wire.tampered();
        for (Side side : List.of(client, server)) {
            side.checkDeliveredPrefixOf(peer(side).sent);
            side.checkEnding(disturbed);
        }
        if (!disturbed && client.wire.quiet() && server.wire.quiet()) {
            assertEquals(server.sent.size(), client.delivered().size(), "server messages lost once quiet");
            assertEquals(client.sent.size(), server.delivered().size(), "client messages lost once quiet");
            assertEquals(client.keyExchanges(), server.keyExchanges(), "key exchange counts differ once quiet");
        }
    }

    /** One engine, its outgoing wire, what its owner sent and what it reported. */
    static final class Side {
        final String name;
        final SshTransport engine;
        final Wire wire;
        final List<byte[]> sent = new ArrayList<>();
        final List<TransportEvent> events = new ArrayList<>();

        Side(String name, SshTransport engine, Wire wire) {
            this.name = name;
            this.engine = engine;
            this.wire = wire;
        }

        void send(byte[] payload) {
            if (!engine.isClosed()) {
                engine.send(payload);
                sent.add(payload.clone());
            }
        }

        void drain() {
            for (TransportEvent e; (e = engine.pollEvent()) != null; ) {
                events.add(e);
            }
        }

        List<byte[]> delivered() {
            List<byte[]> out = new ArrayList<>();
            for (TransportEvent e : events) {
                if (e instanceof TransportEvent.ServiceMessage m) {
                    out.add(m.payload());
                }
            }
            return out;
        }

        int keyExchanges() {
            return (int) events.stream().filter(TransportEvent.KeysEstablished.class::isInstance).count();
        }

        private void checkDeliveredPrefixOf(List<byte[]> peerSent) {
            List<byte[]> got = delivered();
            assertTrue(got.size() <= peerSent.size(), () -> name + " delivered " + got.size() + " of "
                    + peerSent.size() + " messages sent: duplicates or inventions");
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(peerSent.get(i), got.get(i), name + ": message " + i + " differs");
            }
        }

        private void checkEnding(boolean disturbed) {
            List<TransportEvent> ends = events.stream().filter(TransportEvent.Disconnected.class::isInstance).toList();
            assertEquals(engine.isClosed() ? 1 : 0, ends.size(), () -> name + " reported " + ends);
            if (ends.isEmpty()) {
                return;
            }
            TransportEvent.Disconnected end = (TransportEvent.Disconnected) ends.get(0);
            if (!disturbed) {
                fail(name + " ended though nobody tampered, disconnected or lost the connection: " + end);
            }
            assertEquals(end, events.get(events.size() - 1), name + ": Disconnected is not the last event");
            assertFalse(end.description().startsWith("internal error"), () -> name + ": engine defect: " + end);
        }
    }
}
