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
 * direction with a sync flush after each payload (as OpenSSH does), which can be broken on
 * purpose to prove that the compression checks notice.
 */
record ToyDeflate(Flaw flaw) implements CompressionAlgorithm {
    static final ToyDeflate HONEST = new ToyDeflate(Flaw.NONE);

    enum Flaw { NONE, DROPS_A_BYTE, IGNORES_LIMIT, NOT_DELAYED }

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
        Deflater deflater = new Deflater();
        return payload -> {
            byte[] input = flaw == Flaw.DROPS_A_BYTE && payload.length > 1
                    ? Arrays.copyOf(payload, payload.length - 1) : payload;
            deflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                out.write(chunk, 0, n);
            } while (n == chunk.length || !deflater.needsInput());
            return out.toByteArray();
        };
    }

    @Override
    public Decompressor newDecompressor() {
        Inflater inflater = new Inflater();
        return (data, maxLength) -> {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            try {
                while (!inflater.needsInput() && !inflater.finished()) {
                    int n = inflater.inflate(chunk);
                    out.write(chunk, 0, n);
                    if (flaw != Flaw.IGNORES_LIMIT && out.size() > maxLength) {
                        throw Decompressor.tooLong(maxLength);
                    }
                    if (n == 0 && inflater.needsDictionary()) {
                        throw new SshProtocolException(DisconnectReason.COMPRESSION_ERROR, "preset dictionary");
                    }
                }
            } catch (DataFormatException e) {
                throw new SshProtocolException(DisconnectReason.COMPRESSION_ERROR, "malformed zlib data", e);
            }
            return out.toByteArray();
        };
    }
}
