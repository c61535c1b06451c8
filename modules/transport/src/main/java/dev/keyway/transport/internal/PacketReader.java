package dev.keyway.transport.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.CompressionAlgorithm;
import java.util.Arrays;

/**
 * Takes binary packets (RFC 4253 §6) off the input queue and opens them in place. The packet
 * length is checked against the limit and the cipher's block size as soon as it is known,
 * before waiting for (or buffering) the rest, so a peer cannot make the engine hold more than
 * one maximum-size packet.
 */
public final class PacketReader {
    private final int maxPacketLength;
    private PacketProtection protection = ClearTextProtection.INSTANCE;
    /** The peer's compression stream under the current keys (RFC 4253 §6.2), or null. */
    private CompressionAlgorithm.Decompressor decompressor;
    /** Where the last payload lies: the input queue's array, or the decompressed copy. */
    private byte[] payloadArray;
    private int sequenceNumber;
    private long bytesSinceKeys;
    private long packetsSinceKeys;
    /** packet_length of the packet being read, or -1 before its length is known. */
    private int pendingLength = -1;
    private int payloadOffset;
    private int payloadLength;
    private int consumed;
    private int packetSequenceNumber;

    public PacketReader(int maxPacketLength) {
        this.maxPacketLength = maxPacketLength;
    }

    /**
     * Opens the next packet if it has fully arrived. On true, its payload is at
     * {@link #payloadOffset()} in the queue's array until {@link #release} is called.
     */
    public boolean next(ByteQueue in) throws SshProtocolException {
        PacketProtection p = protection;
        if (pendingLength < 0) {
            if (in.size() < p.lengthPrefixBytes()) {
                return false;
            }
            int length = p.packetLength(sequenceNumber, in.array(), in.head());
            checkLength(p, length);
            pendingLength = length;
        }
        int total = 4 + pendingLength + p.trailerLength();
        if (in.size() < total) {
            return false;
        }
        byte[] b = in.array();
        int off = in.head();
        if (!p.open(sequenceNumber, b, off, 4 + pendingLength)) {
            throw new SshProtocolException(DisconnectReason.MAC_ERROR, "message authentication failed");
        }
        int padding = b[off + 4] & 0xff;
        int payload = pendingLength - 1 - padding;
        if (padding < 4 || payload < 1) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "bad padding length " + padding + " in a packet of " + pendingLength);
        }
        consumed = total;
        if (decompressor != null) {
            // A payload expands to at most what a packet of the maximum length could carry,
            // so a small packet cannot become an unbounded allocation (a compression bomb).
            payloadArray = decompressor.decompress(Arrays.copyOfRange(b, off + 5, off + 5 + payload), maxPacketLength);
            payloadOffset = 0;
            payloadLength = payloadArray.length;
            if (payloadLength == 0) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "an empty payload");
            }
        } else {
            payloadArray = b;
            payloadOffset = off + 5;
            payloadLength = payload;
        }
        packetSequenceNumber = sequenceNumber;
        sequenceNumber++;
        bytesSinceKeys += total;
        packetsSinceKeys++;
        pendingLength = -1;
        return true;
    }

    private void checkLength(PacketProtection p, int length) throws SshProtocolException {
        if (length < 5 || length > maxPacketLength) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "packet length " + (length & 0xffffffffL) + " outside [5, " + maxPacketLength + "]");
        }
        int counted = p.lengthFieldAligned() ? length + 4 : length;
        if (counted % p.alignment() != 0) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "packet length " + length + " is not a multiple of the block size " + p.alignment());
        }
    }

    /** The array the last payload lies in (the input queue's, unless it was decompressed). */
    public byte[] payloadArray() {
        return payloadArray;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** The sequence number of the packet last opened, for SSH_MSG_UNIMPLEMENTED. */
    public int packetSequenceNumber() {
        return packetSequenceNumber;
    }

    /** Drops the packet last opened from the queue. */
    public void release(ByteQueue in) {
        in.skip(consumed);
        consumed = 0;
    }

    /** Decompresses every later payload with {@code next} (null: none), closing the stream before. */
    public void decompressWith(CompressionAlgorithm.Decompressor next) {
        if (decompressor != null) {
            decompressor.close();
        }
        decompressor = next;
    }

    /** Opens every later packet with new keys (after receiving NEWKEYS). */
    public void switchProtection(PacketProtection next, boolean resetSequence) {
        protection = next;
        bytesSinceKeys = 0;
        packetsSinceKeys = 0;
        if (resetSequence) {
            sequenceNumber = 0;
        }
    }

    public int sequenceNumber() {
        return sequenceNumber;
    }

    public long bytesSinceKeys() {
        return bytesSinceKeys;
    }

    /** Packets under the current keys: what a key's nonce space must hold. */
    public long packetsSinceKeys() {
        return packetsSinceKeys;
    }
}
