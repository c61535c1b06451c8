package dev.keyway.provider.bouncycastle;

import dev.keyway.conformance.CipherConformance;

class BouncyCastleCipherConformanceTest extends CipherConformance {
    BouncyCastleCipherConformanceTest() {
        super(new BouncyCastleAlgorithmProvider());
    }
}
