package dev.keyway.api.spi;

/**
 * An authenticated cipher that protects a whole binary packet (RFC 4253 §6), such as
 * {@code aes256-gcm@openssh.com} (RFC 5647, length in clear and authenticated) or
 * {@code chacha20-poly1305@openssh.com} (length encrypted under its own key).
 *
 * <p>A packet here is the {@code uint32 packet_length} field followed by
 * {@code packet_length} bytes; the tag follows the packet in the same buffer.
 */
public non-sealed interface AeadCipherAlgorithm extends CipherAlgorithm {

    /** Bytes of the authentication tag appended to each packet. */
    int tagLength();

    /**
     * A keyed cipher for one direction of one session.
     * The caller wipes the key and IV arrays after this call: copy what you keep.
     */
    AeadCipher create(CipherDirection direction, byte[] key, byte[] iv);

    /** A keyed, stateful AEAD cipher; calls must follow the packet order. */
    interface AeadCipher {
        /**
         * Reads the packet length from the first 4 bytes at {@code off} without changing them
         * or authenticating anything yet.
         */
        int packetLength(int sequenceNumber, byte[] buf, int off);

        /**
         * Encrypts the packet {@code buf[off, off+len)} in place (len = 4 + packet_length)
         * and writes the tag at {@code off+len}.
         */
        void seal(int sequenceNumber, byte[] buf, int off, int len);

        /**
         * Checks the tag at {@code off+len} in constant time and, if it is right, decrypts
         * the packet in place. Returns false, with nothing usable in the buffer, if not.
         */
        boolean open(int sequenceNumber, byte[] buf, int off, int len);
    }
}
