package dev.keyway.provider.jca;

import dev.keyway.conformance.KeyExchangeConformance;

class JcaKeyExchangeConformanceTest extends KeyExchangeConformance {
    JcaKeyExchangeConformanceTest() {
        super(new JcaAlgorithmProvider());
    }
}
