package dev.keyway.api.spi;

/**
 * A cipher that only encrypts, such as {@code aes256-ctr} (RFC 4344). The transport encrypts
 * the whole packet including its length field, or, with an encrypt-then-MAC algorithm, all
 * but the length field, and authenticates it with the negotiated {@link MacAlgorithm}.
 */
public non-sealed interface BulkCipherAlgorithm extends CipherAlgorithm {

    /**
     * A keyed cipher for one direction of one session.
     * The caller wipes the key and IV arrays after this call: copy what you keep.
     */
    BulkCipher create(CipherDirection direction, byte[] key, byte[] iv);

    /** A keyed, stateful cipher; the state runs on from packet to packet. */
    interface BulkCipher {
        /**
         * Encrypts or decrypts {@code len} bytes in place; {@code len} is a multiple of the
         * block size.
         */
        void update(byte[] buf, int off, int len);
    }
}
