package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.CompressionAlgorithm.Compressor;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * One direction's zlib stream. Each payload ends with a sync flush: the compressed bytes end
 * on a byte boundary with all of the payload in them, so the peer decompresses each packet as
 * it arrives, while the history window runs on from packet to packet (RFC 4253 §6.2). OpenSSH
 * sends a partial flush instead, which java.util.zip lacks; OpenSSH's inflater, like
 * {@link ZlibDecompressor}, reads either. The level is zlib's default, 6, which OpenSSH uses too.
 * The output buffer is reused and doubles when a payload fills it.
 */
final class ZlibCompressor implements Compressor {
    private static final int FIRST_SIZE = 256;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private byte[] out = new byte[FIRST_SIZE];

    @Override
    public byte[] compress(byte[] payload) {
        deflater.setInput(payload);
        int length = 0;
        do {
            if (length == out.length) {
                out = Arrays.copyOf(out, 2 * out.length);
            }
            // Deflater.deflate with SYNC_FLUSH: a full buffer means more output may be pending.
            length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
        } while (length == out.length);
        return Arrays.copyOf(out, length);
    }

    /** Frees the native deflate state (about 256 KiB at the default settings). */
    @Override
    public void close() {
        deflater.end();
    }
}
