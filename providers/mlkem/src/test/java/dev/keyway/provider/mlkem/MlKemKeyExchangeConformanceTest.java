package dev.keyway.provider.mlkem;

import dev.keyway.conformance.KeyExchangeConformance;

class MlKemKeyExchangeConformanceTest extends KeyExchangeConformance {
    MlKemKeyExchangeConformanceTest() {
        super(new MlKemAlgorithmProvider());
    }
}
