package dev.keyway.provider.bouncycastle;

import dev.keyway.conformance.MacConformance;

class BouncyCastleMacConformanceTest extends MacConformance {
    BouncyCastleMacConformanceTest() {
        super(new BouncyCastleAlgorithmProvider());
    }
}
