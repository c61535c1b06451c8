package dev.keyway.conformance;

import java.util.List;

/** The compression suite on the honest zlib toy, so the suite itself is seen to pass a real compressor. */
class ZlibToyCompressionConformanceTest extends CompressionConformance {
    ZlibToyCompressionConformanceTest() {
        super(List.of(ToyDeflate.HONEST));
    }
}
