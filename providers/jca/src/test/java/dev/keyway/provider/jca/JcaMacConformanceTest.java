package dev.keyway.provider.jca;

import dev.keyway.conformance.MacConformance;

class JcaMacConformanceTest extends MacConformance {
    JcaMacConformanceTest() {
        super(new JcaAlgorithmProvider());
    }
}
