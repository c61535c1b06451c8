package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.api.DisconnectReason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A client and a server engine, and a reference model of what they must have done: which
 * service messages each side sent, how many re-keys were asked for, whether USERAUTH_SUCCESS
 * went out, who disconnected. The actions of {@link TransportModelTest} change both;
 * {@link #checkInvariants()} compares them after every action.
 */
final class TransportModel {
    /** SSH_MSG_USERAUTH_SUCCESS (RFC 4252 §5.1): after it the engines re-key by volume. */
    static final int USERAUTH_SUCCESS = 52;
    /** A connection-layer number (SSH_MSG_CHANNEL_DATA, RFC 4254 §5.2) for the data messages. */
    static final int DATA = 94;
    /** Small, so that a few data messages after USERAUTH_SUCCESS trigger a re-key by volume. */
    static final long REKEY_BYTES = 16 * 1024;

    private final Side client;
    private final Side server;
    private boolean authenticated;
    private boolean disconnectRequested;
    private int rekeysRequested;

    TransportModel() {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        client = new Side("client", SshTransport.client(TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy)
                .random(new SeededRandom(1)).rekeyAfterBytes(REKEY_BYTES)
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build()));
        server = new Side("server", SshTransport.server(TransportConfig.builder(TestKeys.BC_FIRST).policy(policy)
                .random(new SeededRandom(2)).rekeyAfterBytes(REKEY_BYTES)
                .hostKeys(List.of(TestKeys.hostKeyFor("ssh-ed25519"))).build()));
    }

    // ---- actions ----

    void send(boolean fromClient, int size, long seed) {
        Side from = side(fromClient);
        if (from.engine.isClosed()) {
            return;
        }
        Random rnd = new Random(seed);
        byte[] payload = new byte[Math.max(6, size)];
        rnd.nextBytes(payload);
        payload[0] = DATA;
        dev.keyway.api.wire.SshWriter.putUint32At(payload, 1, from.sent.size());
        from.engine.send(payload);
        from.sent.add(payload);
    }

    void authenticate() {
        if (authenticated || server.engine.isClosed()) {
            return;
        }
        byte[] success = {USERAUTH_SUCCESS};
        server.engine.send(success);
        server.sent.add(success);
        authenticated = true;
    }

    void requestRekey(boolean byClient) {
        Side side = side(byClient);
        if (!side.engine.isClosed()) {
            side.engine.requestRekey();
            rekeysRequested++;
        }
    }

    void noise(boolean fromClient, boolean ignore, int size) {
        Side from = side(fromClient);
        if (from.engine.isClosed()) {
            return;
        }
        if (ignore) {
            from.engine.sendIgnore(new byte[size]);
        } else {
            from.engine.sendDebug(false, "noise " + size);
        }
    }

    /** Moves up to {@code chunk} of the bytes in flight from one side to the other. */
    void deliver(boolean fromClient, int chunk) {
        Side from = side(fromClient);
        int n = Math.min(chunk, from.engine.pendingOutput());
        byte[] buf = new byte[n];
        int got = from.engine.readOutput(buf, 0, n);
        from.wire.write(buf, 0, got);
        side(!fromClient).engine.receive(buf, 0, got);
        drainEvents();
    }

    /** Delivers everything in flight both ways until both sides are quiet. */
    void settle() {
        for (int rounds = 0; client.engine.pendingOutput() + server.engine.pendingOutput() > 0; rounds++) {
            if (rounds > 100_000) {
                fail("the engines never went quiet");
            }
            deliver(true, Integer.MAX_VALUE);
            deliver(false, Integer.MAX_VALUE);
        }
    }

    void disconnect(boolean byClient) {
        Side side = side(byClient);
        if (!side.engine.isClosed()) {
            side.engine.disconnect(DisconnectReason.BY_APPLICATION, "done");
            disconnectRequested = true;
        }
        drainEvents();
    }

    // ---- invariants ----

    void checkInvariants() {
        drainEvents();
        for (Side side : List.of(client, server)) {
            Side peer = side == client ? server : client;
            side.checkDeliveredPrefixOf(peer.sent);
            side.checkNothingBeforeFirstNewKeys();
            side.checkStrictKexAndKexInitFirst();
            side.checkNothingAfterClose();
            if (!disconnectRequested) {
                side.checkNoDisconnect();
            }
            if (!authenticated) {
                assertTrue(side.keyExchanges() <= 1 + rekeysRequested, side.name + " re-keyed by itself before "
                        + "USERAUTH_SUCCESS: " + side.keyExchanges() + " exchanges, " + rekeysRequested + " asked for");
            }
        }
        boolean quiet = client.engine.pendingOutput() == 0 && server.engine.pendingOutput() == 0;
        if (quiet && disconnectRequested) {
            assertTrue(client.engine.isClosed() && server.engine.isClosed(), "a disconnect left an engine open");
        }
        if (quiet && !client.engine.isClosed() && !server.engine.isClosed()) {
            assertEquals(server.sent.size(), client.delivered().size(), "server messages lost once quiet");
            assertEquals(client.sent.size(), server.delivered().size(), "client messages lost once quiet");
            assertEquals(client.keyExchanges(), server.keyExchanges(), "key exchange counts differ once quiet");
        }
    }

    private void drainEvents() {
        client.drain();
        server.drain();
    }

    private Side side(boolean isClient) {
        return isClient ? client : server;
    }

    /** One engine, what it was asked to send, what it put on the wire, and what it reported. */
    private static final class Side {
        final String name;
        final SshTransport engine;
        final List<byte[]> sent = new ArrayList<>();
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        final List<TransportEvent> events = new ArrayList<>();
        int deliveredWhenClosed = -1;

        Side(String name, SshTransport engine) {
            this.name = name;
            this.engine = engine;
        }

        void drain() {
            for (TransportEvent e; (e = engine.pollEvent()) != null; ) {
                events.add(e);
            }
        }

        List<byte[]> delivered() {
            return TransportPair.serviceMessages(events);
        }

        int keyExchanges() {
            return TransportPair.eventsOf(events, TransportEvent.KeysEstablished.class).size();
        }

        /** Every service message arrived once, in order, intact: a prefix of what the peer sent. */
        void checkDeliveredPrefixOf(List<byte[]> peerSent) {
            List<byte[]> got = delivered();
            assertTrue(got.size() <= peerSent.size(), name + " received " + got.size() + " of " + peerSent.size()
                    + " messages sent: duplicates or inventions");
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(peerSent.get(i), got.get(i), name + ": message " + i + " differs");
            }
        }

        /** RFC 4253 §7: no service message before keys are in force (strict KEX forbids even noise). */
        void checkNothingBeforeFirstNewKeys() {
            boolean newKeys = false;
            for (TransportEvent e : events) {
                if (e instanceof TransportEvent.NewKeys k && !k.sent()) {
                    newKeys = true;
                }
                if (e instanceof TransportEvent.ServiceMessage && !newKeys) {
                    fail(name + " delivered a service message before the first NEWKEYS");
                }
            }
        }

        /** Both sides offer strict KEX, so it is on; KEXINIT is the first packet on the wire. */
        void checkStrictKexAndKexInitFirst() {
            for (TransportEvent e : events) {
                if (e instanceof TransportEvent.AlgorithmsNegotiated a) {
                    assertTrue(a.strictKex(), name + ": strict KEX is off");
                }
                if (e instanceof TransportEvent.KeysEstablished k) {
                    assertTrue(k.strictKex(), name + ": keys established without strict KEX");
                }
            }
            byte[] bytes = wire.toByteArray();
            int lineEnd = 0;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            int number = lineEnd + 1 + 5; // uint32 packet_length, byte padding_length (RFC 4253 §6)
            if (number < bytes.length) {
                assertEquals(20, bytes[number], name + "'s first packet is not KEXINIT");
            }
        }

        /** Once an engine is closed, it delivers nothing more. */
        void checkNothingAfterClose() {
            if (engine.isClosed()) {
                if (deliveredWhenClosed < 0) {
                    deliveredWhenClosed = delivered().size();
                }
                assertEquals(deliveredWhenClosed, delivered().size(), name + " delivered a message after closing");
            }
        }

        void checkNoDisconnect() {
            for (TransportEvent e : events) {
                if (e instanceof TransportEvent.Disconnected d) {
                    fail(name + " disconnected though nobody asked: " + d);
                }
            }
        }

        @Override
        public String toString() {
            return name + "[sent " + sent.size() + ", delivered " + delivered().size() + ", kex "
                    + keyExchanges() + (engine.isClosed() ? ", closed]" : "]");
        }
    }

    @Override
    public String toString() {
        return "TransportModel[" + client + ", " + server + (authenticated ? ", authenticated" : "")
                + ", rekeys asked " + rekeysRequested + "]";
    }
}
