package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key exchange x cipher (x MAC for non-AEAD ciphers) x host key combination runs the
 * whole transport sequence in memory: version exchange, KEXINIT, ECDH, NEWKEYS, data both
 * ways, a rekey in the middle of the stream, more data, disconnect. The client prefers the
 * JDK provider and the server Bouncy Castle, so each run is also a cross-provider check.
 */
class AlgorithmCombinationTest {

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        var registry = TestKeys.JCA_FIRST;
        for (String kex : registry.names(AlgorithmCategory.KEY_EXCHANGE)) {
            for (String cipher : registry.names(AlgorithmCategory.CIPHER)) {
                boolean aead = registry.cipher(cipher).orElseThrow() instanceof AeadCipherAlgorithm;
                List<String> macs = aead ? List.of("hmac-sha2-256") : registry.names(AlgorithmCategory.MAC);
                for (String mac : macs) {
                    for (String hostKey : registry.names(AlgorithmCategory.HOST_KEY)) {
                        all.add(Arguments.of(kex, cipher, mac, hostKey));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("combinations")
    void fullSequenceWithRekey(String kex, String cipher, String mac, String hostKey) {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.KEY_EXCHANGE, kex)
                .with(AlgorithmCategory.CIPHER, cipher)
                .with(AlgorithmCategory.MAC, mac)
                .with(AlgorithmCategory.HOST_KEY, hostKey);
        TransportConfig clientConfig = TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy)
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build();
        TransportConfig serverConfig = TransportConfig.builder(TestKeys.BC_FIRST).policy(policy)
                .hostKeys(TestKeys.allHostKeys()).build();
        TransportPair pair = new TransportPair(clientConfig, serverConfig);
        pair.pump();
        assertTrue(pair.client.isEstablished() && pair.server.isEstablished(), "handshake completes");
        NegotiatedAlgorithms n = pair.client.algorithms().orElseThrow();
        assertEquals(kex, n.kex());
        assertEquals(hostKey, n.hostKey());
        assertEquals(cipher, n.cipherClientToServer());
        assertEquals(cipher, n.cipherServerToClient());
        assertArrayEquals(pair.client.sessionId().orElseThrow(), pair.server.sessionId().orElseThrow());

        Random random = new Random(kex.hashCode() ^ cipher.hashCode());
        List<byte[]> toServer = new ArrayList<>();
        List<byte[]> toClient = new ArrayList<>();
        // USERAUTH_SUCCESS (RFC 4252 §5.1) first: a server takes no re-exchange before it.
        toClient.add(new byte[] {52});
        pair.server.send(toClient.get(0));
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                pair.client.requestRekey();
            }
            toServer.add(message(random, 94));
            toClient.add(message(random, 95));
            pair.client.send(toServer.get(i));
            pair.server.send(toClient.get(i + 1));
            pair.pump();
        }
        assertSameMessages(toServer, TransportPair.serviceMessages(pair.serverEvents));
        assertSameMessages(toClient, TransportPair.serviceMessages(pair.clientEvents));
        assertEquals(2, TransportPair.eventsOf(pair.clientEvents, TransportEvent.KeysEstablished.class).size(),
                "the first exchange and one rekey");

        pair.client.disconnect(DisconnectReason.BY_APPLICATION, "bye");
        pair.pump();
        TransportEvent.Disconnected seen = TransportPair.eventsOf(pair.serverEvents, TransportEvent.Disconnected.class).get(0);
        assertEquals(DisconnectReason.BY_APPLICATION, seen.reason());
        assertTrue(seen.byPeer());
        assertTrue(pair.server.isClosed());
    }

    /** A service-layer message (number 94/95 are CHANNEL_DATA/EXTENDED_DATA) of random size. */
    static byte[] message(Random random, int number) {
        return message(random, number, 40_000);
    }

    static byte[] message(Random random, int number, int maxLength) {
        byte[] m = new byte[1 + random.nextInt(maxLength)];
        random.nextBytes(m);
        m[0] = (byte) number;
        return m;
    }

    static void assertSameMessages(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "message count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "message " + i);
        }
    }
}
