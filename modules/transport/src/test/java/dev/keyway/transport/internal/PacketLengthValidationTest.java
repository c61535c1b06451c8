package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile packet_length is refused as soon as its four bytes are in (RFC 4253 §6, §6.1),
 * so the reader never waits for, or buffers, more than one acceptable packet.
 */
class PacketLengthValidationTest {
    private static final int MAX = 35000;

    private static ByteQueue queueOf(byte... bytes) {
        ByteQueue q = new ByteQueue(8);
        q.append(bytes, 0, bytes.length);
        return q;
    }

    private static byte[] header(int packetLength) {
        byte[] b = new byte[4];
        dev.keyway.api.wire.SshWriter.putUint32At(b, 0, packetLength);
        return b;
    }

    private static boolean acceptable(int packetLength) {
        return packetLength >= 5 && packetLength <= MAX && (packetLength + 4) % 8 == 0;
    }

    @Property(tries = 1000)
    void onlyAlignedLengthsWithinLimitsAreWaitedFor(@ForAll int packetLength) throws SshProtocolException {
        PacketReader reader = new PacketReader(MAX);
        ByteQueue in = queueOf(header(packetLength));
        if (acceptable(packetLength)) {
            assertFalse(reader.next(in), "waits for the rest of the packet");
        } else {
            SshProtocolException e = assertThrows(SshProtocolException.class, () -> reader.next(in));
            assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
        }
    }

    @Property(tries = 300)
    void alignedLengthsNearTheLimitAreDecidedByTheLimit(@ForAll @IntRange(min = -64, max = 64) int delta)
            throws SshProtocolException {
        onlyAlignedLengthsWithinLimitsAreWaitedFor(MAX + delta);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 35004 + 8, 0x7ffffffc, 0xfffffffc, 0x80000004, 13, 16, 35001})
    void badLengthsAreRejectedFromTheHeaderAlone(int packetLength) {
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> new PacketReader(MAX).next(queueOf(header(packetLength))));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    /** A whole clear-text packet with the given padding_length and payload size. */
    private static byte[] packet(int paddingLength, int payloadLength, int actualPadding) {
        int packetLength = 1 + payloadLength + actualPadding;
        byte[] b = new byte[4 + packetLength];
        dev.keyway.api.wire.SshWriter.putUint32At(b, 0, packetLength);
        b[4] = (byte) paddingLength;
        b[5] = 21;
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void paddingShorterThanFourBytesIsRejected(int padding) {
        // RFC 4253 §6: "There MUST be at least four bytes of padding."  Keep the packet
        // aligned so that only the padding_length field is wrong.
        byte[] p = packet(padding, 16 - 5 - padding, padding);
        assertEquals(0, p.length % 8);
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> new PacketReader(MAX).next(queueOf(p)));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 12, 200, 255})
    void paddingLeavingNoPayloadIsRejected(int paddingLength) {
        // packet_length 12 = padding_length byte + 11 more; a padding_length of 11 or more leaves
        // no payload (or less than none), which no message can be.
        byte[] p = packet(paddingLength, 1, 10);
        assertEquals(0, p.length % 8);
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> new PacketReader(MAX).next(queueOf(p)));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    @Test
    void theSmallestValidPacketIsAccepted() throws SshProtocolException {
        // packet_length 12 is the least that is aligned (4 + 12 = 16): the padding_length byte,
        // a one-byte payload and ten bytes of padding.
        byte[] p = packet(10, 1, 10);
        assertEquals(16, p.length);
        PacketReader reader = new PacketReader(MAX);
        ByteQueue in = queueOf(p);
        assertTrue(reader.next(in));
        assertEquals(1, reader.payloadLength());
        assertEquals(21, in.array()[reader.payloadOffset()]);
    }
}
