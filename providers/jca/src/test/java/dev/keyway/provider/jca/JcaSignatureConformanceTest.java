package dev.keyway.provider.jca;

import dev.keyway.conformance.SignatureConformance;

class JcaSignatureConformanceTest extends SignatureConformance {
    JcaSignatureConformanceTest() {
        super(new JcaAlgorithmProvider());
    }
}
