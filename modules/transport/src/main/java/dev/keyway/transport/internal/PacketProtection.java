package dev.keyway.transport.internal;

/**
 * How one direction of a connection protects its binary packets (RFC 4253 §6): in clear
 * before the first NEWKEYS, then by an AEAD cipher, or by a bulk cipher and a MAC in
 * encrypt-and-MAC or encrypt-then-MAC order. Packets are sealed and opened in place.
 *
 * <p>A packet is {@code uint32 packet_length} followed by {@code packet_length} bytes; the
 * trailer (MAC or tag) follows it in the same buffer.
 */
interface PacketProtection {

    /** The block size packets are padded to (RFC 4253 §6: at least 8). */
    int alignment();

    /**
     * Whether the length field counts toward the alignment. It does not when the length is
     * not part of the encrypted stream (AEAD and encrypt-then-MAC: RFC 5647 §7.2).
     */
    boolean lengthFieldAligned();

    /** Bytes of MAC or tag after each packet. */
    int trailerLength();

    /** Bytes that must have arrived before {@link #packetLength} can be called. */
    int lengthPrefixBytes();

    /** Protects {@code buf[off, off+len)} in place and writes the trailer after it. */
    void seal(int seq, byte[] buf, int off, int len);

    /**
     * Reads {@code packet_length} from the start of an incoming packet; may decrypt the first
     * block in place, so it is called exactly once per packet.
     */
    int packetLength(int seq, byte[] buf, int off);

    /** Checks the trailer and decrypts the rest in place; false if the packet is forged. */
    boolean open(int seq, byte[] buf, int off, int len);
}
