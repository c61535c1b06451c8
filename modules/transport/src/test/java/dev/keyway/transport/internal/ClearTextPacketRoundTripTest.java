package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.transport.TransportConfig;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Binary packets before the first NEWKEYS (RFC 4253 §6): what {@link PacketWriter} frames,
 * {@link PacketReader} takes apart again, in order, whatever the payload size up to the
 * 35000 bytes every implementation must handle (§6.1) and however the bytes arrive.
 */
class ClearTextPacketRoundTripTest {

    @Provide
    Arbitrary<List<Integer>> payloadSizes() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 64)),
                Tuple.of(3, Arbitraries.integers().between(65, 4096)),
                Tuple.of(1, Arbitraries.integers().between(4097, 35000)),
                Tuple.of(1, Arbitraries.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 35000)));
        return size.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Integer> chunkSizes() {
        return Arbitraries.integers().between(1, 5000);
    }

    @Property(tries = 120)
    void payloadsComeBackInOrderWithAdvancingSequenceNumbers(@ForAll("payloadSizes") List<Integer> sizes,
            @ForAll("chunkSizes") int chunk, @ForAll long seed) throws SshProtocolException {
        Random random = new Random(seed);
        List<byte[]> payloads = new ArrayList<>();
        ByteQueue wire = new ByteQueue(64);
        PacketWriter writer = new PacketWriter(wire, new SecureRandom());
        for (int size : sizes) {
            byte[] p = new byte[size];
            random.nextBytes(p);
            payloads.add(p);
            int before = wire.size();
            writer.write(p);
            assertFraming(wire, before, size);
        }
        assertEquals(sizes.size(), writer.sequenceNumber());
        assertEquals(wire.size(), writer.bytesSinceKeys());

        // Deliver the bytes in pieces of `chunk`; each piece may complete several packets or none.
        PacketReader reader = new PacketReader(TransportConfig.DEFAULT_MAX_PACKET_LENGTH);
        ByteQueue in = new ByteQueue(16);
        byte[] all = Arrays.copyOfRange(wire.array(), wire.head(), wire.head() + wire.size());
        List<byte[]> received = new ArrayList<>();
        for (int off = 0; off < all.length; off += chunk) {
            in.append(all, off, Math.min(chunk, all.length - off));
            while (reader.next(in)) {
                assertEquals(received.size(), reader.packetSequenceNumber());
                received.add(Arrays.copyOfRange(in.array(), reader.payloadOffset(),
                        reader.payloadOffset() + reader.payloadLength()));
                reader.release(in);
                assertEquals(received.size(), reader.sequenceNumber());
            }
        }
        assertEquals(payloads.size(), received.size());
        for (int i = 0; i < payloads.size(); i++) {
            assertArrayEquals(payloads.get(i), received.get(i), "payload " + i);
        }
        assertEquals(0, in.size(), "nothing left over");
        assertEquals(all.length, reader.bytesSinceKeys());
    }

    /** RFC 4253 §6: padding of 4 to 255 bytes makes the whole packet a multiple of 8. */
    private static void assertFraming(ByteQueue wire, int start, int payloadLength) {
        byte[] b = wire.array();
        int at = wire.head() + start;
        int packetLength = dev.keyway.api.wire.SshReader.uint32At(b, at);
        int padding = b[at + 4] & 0xff;
        assertEquals(wire.size() - start, 4 + packetLength, "one packet, no MAC in clear text");
        assertEquals(0, (4 + packetLength) % 8, "aligned to 8");
        assertTrue(padding >= 4 && padding < 4 + 8, "minimal padding of at least 4: " + padding);
        assertEquals(packetLength, 1 + payloadLength + padding);
    }

    @Test
    void aPacketIsNotOpenedBeforeItsLastByteArrives() throws SshProtocolException {
        ByteQueue wire = new ByteQueue(64);
        new PacketWriter(wire, new SecureRandom()).write(new byte[] {21});
        PacketReader reader = new PacketReader(TransportConfig.DEFAULT_MAX_PACKET_LENGTH);
        ByteQueue in = new ByteQueue(64);
        byte[] all = Arrays.copyOfRange(wire.array(), wire.head(), wire.head() + wire.size());
        for (int i = 0; i < all.length - 1; i++) {
            in.append(all, i, 1);
            assertFalse(reader.next(in), "after " + (i + 1) + " bytes");
        }
        assertEquals(0, reader.sequenceNumber());
        in.append(all, all.length - 1, 1);
        assertTrue(reader.next(in));
        assertEquals(1, reader.payloadLength());
        assertEquals(21, in.array()[reader.payloadOffset()]);
    }

    @Test
    void theWriterUsesFreshPaddingBytes() {
        // RFC 4253 §6: padding SHOULD be random; two packets must not share the same padding.
        ByteQueue wire = new ByteQueue(64);
        PacketWriter writer = new PacketWriter(wire, new SecureRandom());
        writer.write(new byte[3]);
        writer.write(new byte[3]);
        byte[] b = wire.array();
        int first = wire.head();
        int packet = 4 + dev.keyway.api.wire.SshReader.uint32At(b, first);
        int padding = b[first + 4] & 0xff;
        byte[] pad1 = Arrays.copyOfRange(b, first + 5 + 3, first + 5 + 3 + padding);
        byte[] pad2 = Arrays.copyOfRange(b, first + packet + 5 + 3, first + packet + 5 + 3 + padding);
        assertFalse(Arrays.equals(pad1, pad2));
    }
}
