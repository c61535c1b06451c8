package dev.keyway.provider.bouncycastle;

import dev.keyway.conformance.KeyExchangeConformance;

class BcKeyExchangeConformanceTest extends KeyExchangeConformance {
    BcKeyExchangeConformanceTest() {
        super(new BouncyCastleAlgorithmProvider());
    }
}
