package dev.keyway.provider.jca;

import dev.keyway.conformance.CipherConformance;

class JcaCipherConformanceTest extends CipherConformance {
    JcaCipherConformanceTest() {
        super(new JcaAlgorithmProvider());
    }
}
