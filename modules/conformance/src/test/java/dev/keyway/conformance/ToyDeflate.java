package dev.keyway.conformance;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.CompressionAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A test fixture: {@code zlib@openssh.com} on {@code java.util.zip}, one zlib stream per
 * direction with a sync flush after each payload, which can be broken on purpose to prove that
 * the compression checks notice.
 */
record ToyDeflate(Flaw flaw) implements CompressionAlgorithm {
    static final ToyDeflate HONEST = new ToyDeflate(Flaw.NONE);

    enum Flaw {
        NONE, DROPS_A_BYTE, IGNORES_LIMIT, NOT_DELAYED,
        /** Valid zlib, but each packet forgets the history (a full flush). */
        FULL_FLUSH,
        /** Raw deflate without the zlib header on both sides: it agrees only with itself. */
        RAW_DEFLATE,
        /** A new inflater per packet. */
        FORGETS_HISTORY,
        /** Stops inflating when the input is taken, though zlib may still hold output. */
        STOPS_WHEN_INPUT_IS_TAKEN,
        /** Gives the payload of a stream that ends, after which everything else is ignored. */
        ACCEPTS_STREAM_END,
        /** Refuses malformed data with PROTOCOL_ERROR. */
        WRONG_REASON,
        /** Lets malformed data escape as an unchecked exception. */
        LEAKS_EXCEPTIONS
    }

    @Override
    public String name() {
        return "zlib@openssh.com";
    }

    @Override
    public boolean delayed() {
        return flaw != Flaw.NOT_DELAYED;
    }

    @Override
    public Compressor newCompressor() {
        return new Deflating();
    }

    @Override
    public Decompressor newDecompressor() {
        return new Inflating();
    }

    private final class Deflating implements Compressor {
        private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, flaw == Flaw.RAW_DEFLATE);

        @Override
        public byte[] compress(byte[] payload) {
            byte[] input = flaw == Flaw.DROPS_A_BYTE && payload.length > 1
                    ? Arrays.copyOf(payload, payload.length - 1) : payload;
            deflater.setInput(input);
            int flush = flaw == Flaw.FULL_FLUSH ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, flush);
                out.write(chunk, 0, n);
            } while (n == chunk.length);
            return out.toByteArray();
        }

        @Override
        public void close() {
            deflater.end();
        }
    }

    private final class Inflating implements Decompressor {
        private Inflater inflater = new Inflater(flaw == Flaw.RAW_DEFLATE);

        @Override
        public byte[] decompress(byte[] data, int maxLength) throws SshProtocolException {
            if (flaw == Flaw.FORGETS_HISTORY) {
                inflater.end();
                inflater = new Inflater();
            }
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            do {
                try {
                    n = inflater.inflate(chunk);
                } catch (DataFormatException e) {
                    throw refusal("malformed zlib data");
                }
                if (inflater.needsDictionary() || inflater.finished() && flaw != Flaw.ACCEPTS_STREAM_END) {
                    throw refusal("a dictionary or the end of the stream");
                }
                out.write(chunk, 0, n);
                if (flaw != Flaw.IGNORES_LIMIT && out.size() > maxLength) {
                    throw Decompressor.tooLong(maxLength);
                }
            } while (n == chunk.length && flaw != Flaw.STOPS_WHEN_INPUT_IS_TAKEN
                    || !inflater.needsInput() && !inflater.finished());
            return out.toByteArray();
        }

        private SshProtocolException refusal(String detail) {
            if (flaw == Flaw.LEAKS_EXCEPTIONS) {
                throw new IllegalStateException(detail);
            }
            return flaw == Flaw.WRONG_REASON ? new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, detail)
                    : Decompressor.malformed(detail);
        }

        @Override
        public void close() {
            inflater.end();
        }
    }
}
