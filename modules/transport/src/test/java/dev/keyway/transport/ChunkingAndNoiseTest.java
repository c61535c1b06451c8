package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The transport sequence survives any split of the byte stream into chunks, IGNORE and DEBUG
 * messages slipped in at any point, and rekeys requested by either side at any point; every
 * message arrives once, in order, intact.
 */
class ChunkingAndNoiseTest {

    @Provide
    Arbitrary<String> ciphers() {
        return Arbitraries.of(TestKeys.JCA_FIRST.names(AlgorithmCategory.CIPHER));
    }

    @Provide
    Arbitrary<String> kexes() {
        return Arbitraries.of(TestKeys.JCA_FIRST.names(AlgorithmCategory.KEY_EXCHANGE));
    }

    @Property(tries = 60)
    void messagesSurviveChunkingNoiseAndRekeys(
            @ForAll("kexes") String kex,
            @ForAll("ciphers") String cipher,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 600) int maxChunk,
            @ForAll @IntRange(min = 0, max = 30) int noisePercent,
            @ForAll @IntRange(min = 0, max = 5) int rekeyPercent) {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.KEY_EXCHANGE, kex)
                .with(AlgorithmCategory.CIPHER, cipher);
        Random random = new Random(seed);
        TransportPair pair = new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy)
                        .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                TransportConfig.builder(TestKeys.BC_FIRST).policy(policy)
                        .hostKeys(TestKeys.allHostKeys()).build(),
                random, maxChunk);
        // Noise and rekeys are budgeted: unbounded, one-byte chunks would breed noise faster than it drains.
        int[] budget = {200};
        pair.betweenChunks(p -> {
            SshTransport side = random.nextBoolean() ? p.client : p.server;
            if (side.isClosed() || budget[0] <= 0) {
                return;
            }
            budget[0]--;
            if (random.nextInt(100) < noisePercent) {
                if (random.nextBoolean()) {
                    side.sendIgnore(new byte[random.nextInt(64)]);
                } else {
                    side.sendDebug(false, "noise " + random.nextInt());
                }
            }
            if (random.nextInt(100) < rekeyPercent) {
                side.requestRekey();
            }
        });

        List<byte[]> toServer = new ArrayList<>();
        List<byte[]> toClient = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] a = AlgorithmCombinationTest.message(random, 94, 5000);
            byte[] b = AlgorithmCombinationTest.message(random, 95, 5000);
            toServer.add(a);
            toClient.add(b);
            pair.client.send(a);
            pair.server.send(b);
            if (random.nextBoolean()) {
                pair.pump();
            }
        }
        pair.pump();
        assertTrue(!pair.client.isClosed() && !pair.server.isClosed(), () -> "closed: " + pair.clientEvents + pair.serverEvents);
        AlgorithmCombinationTest.assertSameMessages(toServer, TransportPair.serviceMessages(pair.serverEvents));
        AlgorithmCombinationTest.assertSameMessages(toClient, TransportPair.serviceMessages(pair.clientEvents));
        assertEquals(TransportPair.eventsOf(pair.clientEvents, TransportEvent.KeysEstablished.class).size(),
                TransportPair.eventsOf(pair.serverEvents, TransportEvent.KeysEstablished.class).size(),
                "both sides completed the same number of key exchanges");
    }
}
