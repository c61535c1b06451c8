package dev.keyway.api.spi;

/**
 * An encryption algorithm (RFC 4253 §6.3). Two kinds exist, and they differ in how the packet
 * length is protected: a {@link BulkCipherAlgorithm} only encrypts, and the transport pairs it
 * with a negotiated MAC; an {@link AeadCipherAlgorithm} protects the whole packet itself, and
 * the MAC negotiated beside it is ignored.
 */
public sealed interface CipherAlgorithm extends SshAlgorithm
        permits BulkCipherAlgorithm, AeadCipherAlgorithm {

    /** Key bytes taken from the key derivation (RFC 4253 §7.2). */
    int keyLength();

    /** IV bytes taken from the key derivation; 0 when the algorithm has none. */
    int ivLength();

    /**
     * The cipher's block size, to which packets are padded (RFC 4253 §6: at least 8).
     */
    int blockSize();
}
