package dev.keyway.api.spi;

/**
 * The nonce of AES-GCM in SSH (RFC 5647 §7.1, {@code aes*-gcm@openssh.com}): the 12-byte IV
 * from the key derivation, read as a 4-byte fixed field followed by an 8-byte big-endian
 * invocation counter. The counter goes up by one after every packet, sealed or refused, and
 * wraps within its 8 bytes, never carrying into the fixed field. The packet sequence number
 * plays no part. Not thread-safe: one per direction, like the cipher it serves.
 */
public final class GcmNonce {
    /** Bytes of the nonce, and of the IV it starts from. */
    public static final int LENGTH = 12;
    private static final int FIXED_BYTES = 4;

    private final byte[] nonce;

    /**
     * @param iv the 12-byte initial IV (copied; the caller may wipe it)
     * @throws IllegalArgumentException when it is not 12 bytes
     */
    public GcmNonce(byte[] iv) {
        if (iv == null || iv.length != LENGTH) {
            throw new IllegalArgumentException("AES-GCM needs a " + LENGTH + "-byte IV, got "
                    + (iv == null ? "none" : iv.length + " bytes"));
        }
        this.nonce = iv.clone();
    }

    /** The nonce for the current packet; a copy. */
    public byte[] current() {
        return nonce.clone();
    }

    /** Moves on to the next packet's nonce: invocation_counter + 1 mod 2^64. */
    public void advance() {
        for (int i = LENGTH - 1; i >= FIXED_BYTES; i--) {
            if (++nonce[i] != 0) {
                return;
            }
        }
    }
}
