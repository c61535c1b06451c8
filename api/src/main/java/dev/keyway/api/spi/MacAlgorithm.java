package dev.keyway.api.spi;

/**
 * A message authentication code (RFC 4253 §6.4). Classic MACs are computed over the sequence
 * number and the plaintext packet; the {@code -etm@openssh.com} forms over the sequence
 * number, the cleartext length and the ciphertext. The transport builds both inputs and
 * compares tags in constant time; an algorithm only computes.
 */
public non-sealed interface MacAlgorithm extends SshAlgorithm {

    /** Key bytes taken from the key derivation. */
    int keyLength();

    /** Bytes of the MAC appended to each packet. */
    int macLength();

    /** Whether this is an encrypt-then-MAC algorithm (length in clear, MAC over ciphertext). */
    boolean encryptThenMac();

    /**
     * A keyed MAC for one direction of one session.
     * The caller wipes the key array after this call: copy what you keep.
     */
    PacketMac create(byte[] key);

    /** A keyed MAC; not thread-safe. */
    interface PacketMac {
        /**
         * Computes {@code MAC(key, uint32 sequenceNumber || buf[off, off+len))} into
         * {@code out[outOff, outOff + macLength)}.
         */
        void compute(int sequenceNumber, byte[] buf, int off, int len, byte[] out, int outOff);
    }
}
