package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.CompressionAlgorithm;
import java.util.List;

/**
 * {@code zlib} (RFC 4253 §6.2) and {@code zlib@openssh.com} (OpenSSH PROTOCOL §1.2,
 * draft-miller-secsh-compression-delayed-00) on {@code java.util.zip}: one zlib stream
 * (RFC 1950, RFC 1951) per direction and per set of keys. The two differ only in when the
 * transport starts them: {@code zlib} with the keys, {@code zlib@openssh.com} once user
 * authentication has succeeded, so that no unauthenticated peer reaches the inflater.
 */
public final class ZlibCompression implements CompressionAlgorithm {
    private final String name;
    private final boolean delayed;

    private ZlibCompression(String name, boolean delayed) {
        this.name = name;
        this.delayed = delayed;
    }

    /** Both names, the delayed one first as OpenSSH prefers it. */
    public static List<CompressionAlgorithm> list() {
        return List.of(new ZlibCompression("zlib@openssh.com", true), new ZlibCompression("zlib", false));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean delayed() {
        return delayed;
    }

    @Override
    public Compressor newCompressor() {
        return new ZlibCompressor();
    }

    @Override
    public Decompressor newDecompressor() {
        return new ZlibDecompressor();
    }

    @Override
    public String toString() {
        return name;
    }
}
