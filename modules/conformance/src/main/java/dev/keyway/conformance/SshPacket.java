package dev.keyway.conformance;

import java.util.Arrays;
import java.util.Random;

/**
 * A well-formed binary packet (RFC 4253 §6) placed at an offset in a larger buffer, with
 * random bytes before it and after the room for its tag, so that a check can see that a
 * cipher touched nothing outside the packet and its tag.
 *
 * <p>{@code uint32 packet_length, byte padding_length, payload, padding}; at least 4 bytes
 * of padding; padded so that the length field plus the rest is a multiple of the block size,
 * or, when the length field is not encrypted with the rest (AEAD ciphers, encrypt-then-MAC),
 * so that the rest alone is (RFC 5647 §7.2, OpenSSH PROTOCOL.chacha20poly1305).
 */
final class SshPacket {
    static final int GUARD = 8;

    final byte[] buf;
    final int off;
    final int len;
    final int tagLength;

    private SshPacket(byte[] buf, int off, int len, int tagLength) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.tagLength = tagLength;
    }

    static SshPacket random(Random rnd, int payloadSize, int blockSize, boolean lengthApart, int tagLength) {
        int counted = lengthApart ? 1 + payloadSize : 5 + payloadSize;
        int padding = 4;
        while ((counted + padding) % blockSize != 0) {
            padding++;
        }
        int extraBlocks = rnd.nextInt(3);
        while (extraBlocks-- > 0 && padding + blockSize <= 255) {
            padding += blockSize;
        }
        int packetLength = 1 + payloadSize + padding;
        int off = rnd.nextInt(17);
        byte[] buf = new byte[off + 4 + packetLength + tagLength + GUARD];
        rnd.nextBytes(buf);
        dev.keyway.api.wire.SshWriter.putUint32At(buf, off, packetLength);
        buf[off + 4] = (byte) padding;
        return new SshPacket(buf, off, 4 + packetLength, tagLength);
    }

    /** The same packet in a buffer of its own. */
    SshPacket copy() {
        return new SshPacket(buf.clone(), off, len, tagLength);
    }

    /** The packet_length field. */
    int packetLength() {
        return len - 4;
    }

    /** The packet and its tag. */
    byte[] sealedBytes() {
        return Arrays.copyOfRange(buf, off, off + len + tagLength);
    }

    /** The packet without its tag. */
    byte[] packetBytes() {
        return Arrays.copyOfRange(buf, off, off + len);
    }

    /** Bytes before the packet and after its tag, which no cipher may touch. */
    byte[] outside() {
        byte[] out = new byte[off + GUARD];
        System.arraycopy(buf, 0, out, 0, off);
        System.arraycopy(buf, off + len + tagLength, out, off, GUARD);
        return out;
    }
}
