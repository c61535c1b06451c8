package dev.keyway.transport.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.CompressionAlgorithm;

/**
 * When each direction's compression stream runs (RFC 4253 §6.2, OpenSSH PROTOCOL on
 * {@code zlib@openssh.com}): a fresh stream with each direction's new keys, except that a
 * delayed algorithm starts only once the user is authenticated, both directions at once,
 * right after USERAUTH_SUCCESS. Each stream is closed when it is replaced and when the
 * connection closes, since a zlib stream holds memory the collector does not see.
 */
final class CompressionStreams {
    private final AlgorithmRegistry registry;
    private final PacketWriter writer;
    private final PacketReader reader;
    private CompressionAlgorithm outgoing = CompressionAlgorithm.NONE;
    private CompressionAlgorithm incoming = CompressionAlgorithm.NONE;
    private boolean authenticated;

    CompressionStreams(AlgorithmRegistry registry, PacketWriter writer, PacketReader reader) {
        this.registry = registry;
        this.writer = writer;
        this.reader = reader;
    }

    /** Our NEWKEYS went out: what we send from now on uses the negotiated algorithm. */
    void outgoingKeys(String name) {
        outgoing = algorithm(name);
        writer.compressWith(runs(outgoing) ? outgoing.newCompressor() : null);
    }

    /** The peer's NEWKEYS came in. */
    void incomingKeys(String name) {
        incoming = algorithm(name);
        reader.decompressWith(runs(incoming) ? incoming.newDecompressor() : null);
    }

    /** USERAUTH_SUCCESS passed: delayed streams start now, both ways. */
    void startDelayed() {
        if (authenticated) {
            return;
        }
        authenticated = true;
        if (outgoing.delayed() && runs(outgoing)) {
            writer.compressWith(outgoing.newCompressor());
        }
        if (incoming.delayed() && runs(incoming)) {
            reader.decompressWith(incoming.newDecompressor());
        }
    }

    void close() {
        writer.compressWith(null);
        reader.decompressWith(null);
    }

    private boolean runs(CompressionAlgorithm a) {
        return a != CompressionAlgorithm.NONE && (!a.delayed() || authenticated);
    }

    private CompressionAlgorithm algorithm(String name) {
        return registry.compression(name).orElseThrow();
    }
}
