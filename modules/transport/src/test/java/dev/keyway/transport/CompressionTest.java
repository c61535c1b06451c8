package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.DisconnectReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compression in the packet path (RFC 4253 §6.2): {@code zlib} from the first NEWKEYS,
 * {@code zlib@openssh.com} from USERAUTH_SUCCESS on, both across re-keys, and a small packet
 * that would inflate past the largest payload ends the session with COMPRESSION_ERROR.
 */
class CompressionTest {
    /** USERAUTH_SUCCESS (RFC 4252 §5.1), which starts delayed compression. */
    private static final byte[] SUCCESS = {52};

    private static TransportPair pair(String compression) {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.COMPRESSION, compression);
        return new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy)
                        .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy).hostKeys(TestKeys.allHostKeys()).build());
    }

    /** A data message (CHANNEL_DATA, 94) of {@code size} bytes that compress well. */
    private static byte[] compressible(int size) {
        byte[] m = new byte[size];
        m[0] = 94;
        for (int i = 1; i < size; i++) {
            m[i] = (byte) ("keyway ".charAt(i % 7));
        }
        return m;
    }

    /** Bytes the server writes for one message, after the handshake. */
    private static int wireBytesFor(TransportPair p, byte[] message) {
        p.server.send(message);
        int n = p.server.pendingOutput();
        p.pump();
        return n;
    }

    @Test
    void zlibCompressesFromTheFirstKeysAndAfterAReKey() {
        TransportPair p = pair("zlib");
        p.pump();
        assertEquals("zlib", p.client.algorithms().orElseThrow().compressionServerToClient());
        p.server.send(SUCCESS);
        p.pump();
        byte[] m = compressible(100_000);
        assertTrue(wireBytesFor(p, m) < m.length / 10, "zlib shrinks a repetitive message");
        p.client.requestRekey();
        p.pump();
        assertEquals(2, TransportPair.eventsOf(p.clientEvents, TransportEvent.KeysEstablished.class).size());
        assertTrue(wireBytesFor(p, m) < m.length / 10, "a fresh stream after the re-key compresses too");
        List<byte[]> got = TransportPair.serviceMessages(p.clientEvents);
        AlgorithmCombinationTest.assertSameMessages(List.of(SUCCESS, m, m), got);
    }

    @Test
    void delayedCompressionStartsWithUserAuthSuccess() {
        TransportPair p = pair("zlib@openssh.com");
        p.pump();
        byte[] m = compressible(50_000);
        assertTrue(wireBytesFor(p, m) > m.length, "nothing is compressed before the login");
        p.server.send(SUCCESS);
        p.pump();
        assertTrue(wireBytesFor(p, m) < m.length / 10, "compressed after USERAUTH_SUCCESS");
        p.client.send(compressible(50_000));
        int fromClient = p.client.pendingOutput();
        p.pump();
        assertTrue(fromClient < 5_000, "the client compresses after reading USERAUTH_SUCCESS: " + fromClient);
        List<byte[]> got = TransportPair.serviceMessages(p.clientEvents);
        AlgorithmCombinationTest.assertSameMessages(List.of(m, SUCCESS, m), got);
        assertEquals(1, TransportPair.serviceMessages(p.serverEvents).size());
    }

    /**
     * A peer that sends a payload of many megabytes, compressed into a few kilobytes: the
     * receiver stops inflating at the largest payload it accepts and disconnects, never
     * allocating what the packet would expand to.
     */
    @Test
    void aCompressionBombEndsTheSessionWithCompressionError() {
        TransportPair p = pair("zlib");
        p.pump();
        byte[] bomb = new byte[16 << 20];
        bomb[0] = 94;
        p.client.dangerSendRawPayload(bomb);
        assertTrue(p.client.pendingOutput() < 100_000, "the bomb is small on the wire");
        p.pump();
        List<TransportEvent.Disconnected> ends = TransportPair.eventsOf(p.serverEvents, TransportEvent.Disconnected.class);
        assertEquals(1, ends.size());
        assertEquals(DisconnectReason.COMPRESSION_ERROR, ends.get(0).reason());
        assertTrue(p.server.isClosed());
        assertEquals(new ArrayList<>(), TransportPair.serviceMessages(p.serverEvents));
    }
}
