package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** With a sink, service messages bypass the event queue and arrive intact and in order. */
class ServiceMessageSinkTest {

    @Test
    void messagesReachTheSinkInsteadOfTheEventQueue() {
        TransportPair pair = new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST).hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                TransportConfig.builder(TestKeys.JCA_FIRST).hostKeys(TestKeys.allHostKeys()).build());
        List<byte[]> received = new ArrayList<>();
        pair.server.setServiceMessageSink((buf, off, len) -> received.add(Arrays.copyOfRange(buf, off, off + len)));
        pair.pump();
        Random random = new Random(7);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] m = AlgorithmCombinationTest.message(random, 94);
            sent.add(m);
            pair.client.send(m);
        }
        pair.pump();
        AlgorithmCombinationTest.assertSameMessages(sent, received);
        assertEquals(0, TransportPair.serviceMessages(pair.serverEvents).size(), "no copies queued as events");
        assertArrayEquals(sent.get(0), received.get(0));
    }
}
