package dev.keyway.provider.sntrup;

import dev.keyway.conformance.KeyExchangeConformance;

class SntrupKeyExchangeConformanceTest extends KeyExchangeConformance {
    SntrupKeyExchangeConformanceTest() {
        super(new SntrupAlgorithmProvider());
    }
}
