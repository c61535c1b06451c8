package dev.keyway.api.spi;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;

/**
 * A compression algorithm (RFC 4253 §6.2). Keyway ships only {@link #NONE}; the interface is
 * here so that a provider can add {@code zlib@openssh.com} without touching the core.
 *
 * <p>Compression runs on the payload of each packet before it is encrypted, and the state
 * runs on from packet to packet in one direction (RFC 4253 §6.2: "the compression context is
 * initialized after each key exchange, and is passed from one packet to the next"). Hence a
 * fresh {@link Compressor} and {@link Decompressor} per direction after each NEWKEYS.
 */
public non-sealed interface CompressionAlgorithm extends SshAlgorithm {

    /** {@code none}: payloads go as they are. Every registry holds it. */
    CompressionAlgorithm NONE = () -> "none";

    /**
     * Whether compression starts only after user authentication succeeds, as with
     * {@code zlib@openssh.com}.
     */
    default boolean delayed() {
        return false;
    }

    /** A new compressor for one direction of one set of keys; {@code none}'s copies the payload. */
    default Compressor newCompressor() {
        return payload -> payload.clone();
    }

    /** A new decompressor for one direction of one set of keys; {@code none}'s copies the data. */
    default Decompressor newDecompressor() {
        return (data, maxLength) -> {
            if (data.length > maxLength) {
                throw Decompressor.tooLong(maxLength);
            }
            return data.clone();
        };
    }

    /** Compresses the payloads of one direction, in packet order; not thread-safe. */
    @FunctionalInterface
    interface Compressor {
        /** The compressed form of one whole payload, flushed so the peer can decompress it alone. */
        byte[] compress(byte[] payload);
    }

    /** Decompresses the payloads of one direction, in packet order; not thread-safe. */
    @FunctionalInterface
    interface Decompressor {
        /**
         * The payload that {@code data} decompresses to.
         *
         * @param maxLength the longest payload accepted: decompression stops there, so a small
         *     packet cannot expand into an unbounded allocation (a decompression bomb)
         * @throws SshProtocolException when the data is malformed or expands beyond
         *     {@code maxLength}
         */
        byte[] decompress(byte[] data, int maxLength) throws SshProtocolException;

        /** The error for a payload that would expand beyond {@code maxLength}. */
        static SshProtocolException tooLong(int maxLength) {
            return new SshProtocolException(DisconnectReason.COMPRESSION_ERROR,
                    "decompressed payload exceeds " + maxLength + " bytes");
        }
    }
}
