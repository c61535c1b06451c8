package dev.keyway.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.connection.ConnectionEvent.*;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * RFC 4254 §5.2 under random writes, windows, packet sizes and consumption: all data arrives
 * once, in order, intact; no message breaks the receiver's window or packet size; a writer
 * never has more in flight than the window.
 */
class FlowControlPropertiesTest {

    @Property(tries = 200)
    void everyByteArrivesOnceInOrderWithinTheWindow(
            @ForAll @IntRange(min = 1, max = 5000) int window,
            @ForAll @IntRange(min = 1, max = 3000) int maxPacket,
            @ForAll @IntRange(min = 0, max = 30000) int total,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 7000) Integer> writeSizes,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 4000) Integer> consumeSizes,
            @ForAll long seed) throws SshProtocolException {
        EnginePair pair = new EnginePair(ConnectionConfig.client(),
                ConnectionConfig.server().withWindow(window, maxPacket));
        int[] ids = pair.openSession();
        Random random = new Random(seed);
        byte[] out = new byte[total];
        random.nextBytes(out);
        // Each write goes to stdout or stderr at random; both share the one window.
        ByteArrayOutputStream sentOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sentErr = new ByteArrayOutputStream();
        ByteArrayOutputStream gotOut = new ByteArrayOutputStream();
        ByteArrayOutputStream gotErr = new ByteArrayOutputStream();
        long unconsumed = 0;
        long sentTotal = 0;
        AdjustSum adjusted = new AdjustSum();
        int pos = 0;
        for (int round = 0; pos < total || unconsumed > 0; round++) {
            assertTrue(round < 1_000_000, "no progress");
            if (pos < total) {
                int offer = Math.min(writeSizes.get(round % writeSizes.size()), total - pos);
                long before = pair.client.writableBytes(ids[0]);
                boolean stderr = random.nextBoolean();
                int n = stderr
                        ? pair.client.writeExtended(ids[0], 1, out, pos, offer)
                        : pair.client.write(ids[0], out, pos, offer);
                assertEquals(Math.min(offer, before), n, "takes what the window allows");
                (stderr ? sentErr : sentOut).write(out, pos, n);
                pos += n;
                sentTotal += n;
                assertTrue(sentTotal - adjusted.total(pair.sentByServer) <= window, "in flight beyond the window");
            }
            pair.pump();
            for (ConnectionEvent e : EnginePair.events(pair.server)) {
                if (e instanceof ChannelData d) {
                    gotOut.writeBytes(d.data());
                    unconsumed += d.data().length;
                } else if (e instanceof ChannelExtendedData d) {
                    gotErr.writeBytes(d.data());
                    unconsumed += d.data().length;
                }
            }
            long take = Math.min(unconsumed, consumeSizes.get(round % consumeSizes.size()));
            pair.server.consumed(ids[1], take);
            unconsumed -= take;
            pair.pump();
            EnginePair.events(pair.client);
        }
        assertArrayEquals(sentOut.toByteArray(), gotOut.toByteArray());
        assertArrayEquals(sentErr.toByteArray(), gotErr.toByteArray());
        assertEquals(total, sentOut.size() + sentErr.size());
        for (int len : WireView.dataLengths(pair.sentByClient)) {
            assertTrue(len >= 1 && len <= maxPacket, "data message of " + len + " bytes");
        }
    }

    /** Bytes given back through WINDOW_ADJUST so far, read from the messages not seen yet. */
    private static final class AdjustSum {
        private int seen;
        private long sum;

        long total(List<byte[]> sent) throws SshProtocolException {
            for (; seen < sent.size(); seen++) {
                byte[] m = sent.get(seen);
                if (WireView.number(m) == WireView.WINDOW_ADJUST) {
                    sum += WireView.adjustBytes(m);
                }
            }
            return sum;
        }
    }

    @Property(tries = 200)
    void aPeerExceedingTheWindowIsRejectedExactlyWhenItDoes(
            @ForAll @IntRange(min = 1, max = 5000) int window,
            @ForAll @IntRange(min = 1, max = 3000) int maxPacket,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 3000) Integer> sizes)
            throws SshProtocolException {
        EnginePair pair = new EnginePair(ConnectionConfig.client(),
                ConnectionConfig.server().withWindow(window, maxPacket));
        int server = pair.openSession()[1];
        long received = 0;
        for (int size : sizes) {
            int len = Math.min(size, maxPacket);
            byte[] m = WireView.data(server, len);
            if (received + len > window) {
                SshProtocolException e = assertThrows(SshProtocolException.class,
                        () -> pair.server.receive(m, 0, m.length));
                assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
                return;
            }
            pair.server.receive(m, 0, m.length);
            received += len;
        }
    }

    @Property(tries = 1000)
    void randomMessagesToAnOpenChannelFailOnlyAsProtocolErrors(
            @ForAll @IntRange(min = 80, max = 100) int number,
            @ForAll @IntRange(min = -1, max = 2) int recipient,
            @ForAll @Size(max = 40) byte[] rest) throws SshProtocolException {
        EnginePair pair = new EnginePair();
        int server = pair.openSession()[1];
        pair.client.openSession();
        pair.pump();
        byte[] m = new SshWriter().writeByte(number)
                .writeUint32(recipient < 0 ? server : recipient).writeRaw(rest).toByteArray();
        try {
            pair.server.receive(m, 0, m.length);
        } catch (SshProtocolException expected) {
            // the only way to fail
        }
    }
}
