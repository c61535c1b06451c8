package dev.keyway.transport.internal;

import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.wire.SshWriter;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Frames outgoing payloads as binary packets (RFC 4253 §6) straight into the output queue and
 * seals them there: one copy of the payload, no allocation once the queue has grown.
 */
public final class PacketWriter {
    /** Random padding is drawn from a pool refilled in bulk, not per packet. */
    private static final int PADDING_POOL = 1024;

    private final ByteQueue out;
    private final SecureRandom random;
    private final byte[] paddingPool = new byte[PADDING_POOL];
    private int paddingUsed = PADDING_POOL;
    private PacketProtection protection = ClearTextProtection.INSTANCE;
    /** The compression stream of the current keys (RFC 4253 §6.2), or null while none runs. */
    private CompressionAlgorithm.Compressor compressor;
    private int sequenceNumber;
    private long bytesSinceKeys;
    private long packetsSinceKeys;

    public PacketWriter(ByteQueue out, SecureRandom random) {
        this.out = out;
        this.random = random;
    }

    /** Writes one packet carrying {@code payload[off, off+len)}, compressed if a stream runs. */
    public void write(byte[] payload, int off, int len) {
        if (compressor != null) {
            byte[] compressed = compressor.compress(Arrays.copyOfRange(payload, off, off + len));
            frame(compressed, 0, compressed.length);
        } else {
            frame(payload, off, len);
        }
    }

    private void frame(byte[] payload, int off, int len) {
        PacketProtection p = protection;
        int align = p.alignment();
        int counted = (p.lengthFieldAligned() ? 5 : 1) + len;
        int padding = align - counted % align;
        if (padding < 4) {
            padding += align;
        }
        int packetLength = 1 + len + padding;
        int total = 4 + packetLength + p.trailerLength();
        int at = out.reserve(total);
        byte[] b = out.array();
        SshWriter.putUint32At(b, at, packetLength);
        b[at + 4] = (byte) padding;
        System.arraycopy(payload, off, b, at + 5, len);
        fillPadding(b, at + 5 + len, padding);
        p.seal(sequenceNumber, b, at, 4 + packetLength);
        out.commit(total);
        sequenceNumber++;
        bytesSinceKeys += total;
        packetsSinceKeys++;
    }

    public void write(byte[] payload) {
        write(payload, 0, payload.length);
    }

    private void fillPadding(byte[] b, int off, int len) {
        if (PADDING_POOL - paddingUsed < len) {
            random.nextBytes(paddingPool);
            paddingUsed = 0;
        }
        System.arraycopy(paddingPool, paddingUsed, b, off, len);
        paddingUsed += len;
    }

    /**
     * Compresses every later payload with {@code next} (null: none), closing the stream that ran
     * before: after NEWKEYS, or when delayed compression starts (RFC 4253 §6.2).
     */
    public void compressWith(CompressionAlgorithm.Compressor next) {
        if (compressor != null) {
            compressor.close();
        }
        compressor = next;
    }

    /** Protects every later packet with new keys (after sending NEWKEYS). */
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
