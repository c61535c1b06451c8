package dev.keyway.provider.jca;

import dev.keyway.conformance.CompressionConformance;
import dev.keyway.provider.jca.internal.ZlibCompression;

/**
 * The kit on {@code zlib@openssh.com} and {@code zlib}. They are taken from the provider's
 * internal list, not from {@link JcaAlgorithmProvider}, which does not list them until the
 * transport compresses: a listed name is offered, and a peer preferring it would be answered
 * with uncompressed packets.
 */
class JcaCompressionConformanceTest extends CompressionConformance {
    JcaCompressionConformanceTest() {
        super(ZlibCompression.list());
    }
}
