package dev.keyway.api.spi;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;

/**
 * A compression algorithm (RFC 4253 §6.2). Every registry holds {@link #NONE}; a provider adds
 * others, such as {@code zlib} and {@code zlib@openssh.com}, without touching the core.
 *
 * <p>Compression runs on the payload of each packet before it is encrypted, and the state
 * runs on from packet to packet in one direction (RFC 4253 §6.2: "the compression context is
 * initialized after each key exchange, and is passed from one packet to the next"). Hence a
 * fresh {@link Compressor} and {@link Decompressor} per direction after each NEWKEYS, and the
 * previous one {@linkplain Compressor#close() closed}: a zlib stream holds native memory that
 * the garbage collector neither sees nor hurries to free (about 256 KiB for a deflater).
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

    /**
     * Compresses the payloads of one direction, in packet order; not thread-safe. The transport
     * closes it when the keys of its direction change and when the session ends.
     */
    @FunctionalInterface
    interface Compressor extends AutoCloseable {
        /** The compressed form of one whole payload, flushed so the peer can decompress it alone. */
        byte[] compress(byte[] payload);

        /**
         * Releases what the compressor holds outside the heap; it is not used afterwards.
         * Closing twice does nothing more. {@code none}'s holds nothing.
         */
        @Override
        default void close() {
        }
    }

    /**
     * Decompresses the payloads of one direction, in packet order; not thread-safe. The transport
     * closes it when the keys of its direction change and when the session ends.
     */
    @FunctionalInterface
    interface Decompressor extends AutoCloseable {
        /**
         * The payload that {@code data} decompresses to.
         *
         * @param maxLength the longest payload accepted: decompression stops there, so a small
         *     packet cannot expand into an unbounded allocation (a decompression bomb)
         * @throws SshProtocolException with {@link DisconnectReason#COMPRESSION_ERROR} when the
         *     data is malformed or expands beyond {@code maxLength}
         */
        byte[] decompress(byte[] data, int maxLength) throws SshProtocolException;

        /** The error for a payload that would expand beyond {@code maxLength}. */
        static SshProtocolException tooLong(int maxLength) {
            return new SshProtocolException(DisconnectReason.COMPRESSION_ERROR,
                    "decompressed payload exceeds " + maxLength + " bytes");
        }

        /** The error for data that does not continue the compressed stream validly. */
        static SshProtocolException malformed(String detail) {
            return new SshProtocolException(DisconnectReason.COMPRESSION_ERROR, "malformed compressed data: " + detail);
        }

        /** Releases what the decompressor holds outside the heap, as {@link Compressor#close()}. */
        @Override
        default void close() {
        }
    }
}
