package dev.keyway.provider.bouncycastle;

import dev.keyway.conformance.SignatureConformance;

class BcSignatureConformanceTest extends SignatureConformance {
    BcSignatureConformanceTest() {
        super(new BouncyCastleAlgorithmProvider());
    }
}
