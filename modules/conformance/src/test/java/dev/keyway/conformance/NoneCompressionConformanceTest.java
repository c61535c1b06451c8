package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;
import java.util.List;

/** The compression suite for the {@code none} that every registry holds (RFC 4253 §6.2). */
class NoneCompressionConformanceTest extends CompressionConformance {
    NoneCompressionConformanceTest() {
        super(List.of(AlgorithmRegistry.builder().build().compression("none").orElseThrow()));
    }
}
