package dev.keyway.provider.jca.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.CompressionAlgorithm.Decompressor;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One direction's zlib stream, inflated packet by packet. Output goes into a buffer reused
 * from packet to packet, grown with the payloads and never beyond one byte more than the limit:
 * that byte is the proof of a payload that is too long, however far the data would expand.
 *
 * <p>What OpenSSH's inflater refuses is refused here too, with COMPRESSION_ERROR: data that zlib
 * cannot decode, a stream that asks for a preset dictionary (RFC 1950 §2.2, FDICT), and a stream
 * that ends (a final block with its checksum), since an SSH stream runs on until the keys change
 * and nothing could follow the end.
 */
final class ZlibDecompressor implements Decompressor {
    private static final int FIRST_SIZE = 4096;

    private final Inflater inflater = new Inflater();
    private byte[] out = new byte[0];

    @Override
    public byte[] decompress(byte[] data, int maxLength) throws SshProtocolException {
        long capacity = maxLength + 1L;
        inflater.setInput(data);
        int length = 0;
        do {
            if (length == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(capacity, Math.max(FIRST_SIZE, 2L * out.length)));
            }
            length += inflate(length);
            if (length > maxLength) {
                throw Decompressor.tooLong(maxLength);
            }
            // A full buffer may hide pending output even when all input is taken.
        } while (length == out.length || !inflater.needsInput());
        return Arrays.copyOf(out, length);
    }

    private int inflate(int at) throws SshProtocolException {
        int n;
        try {
            n = inflater.inflate(out, at, out.length - at);
        } catch (DataFormatException e) {
            throw Decompressor.malformed(String.valueOf(e.getMessage()));
        }
        if (inflater.needsDictionary()) {
            throw Decompressor.malformed("the stream asks for a preset dictionary");
        }
        if (inflater.finished()) {
            throw Decompressor.malformed("the stream ends");
        }
        return n;
    }

    /** Frees the native inflate state (its 32 KiB window and tables). */
    @Override
    public void close() {
        inflater.end();
    }
}
