package dev.keyway.provider.bouncycastle;

import dev.keyway.conformance.CrossProviderConformance;
import dev.keyway.provider.jca.JcaAlgorithmProvider;

/** Differential test: every symmetric algorithm both providers offer gives the same bytes. */
class JcaVersusBouncyCastleTest extends CrossProviderConformance {
    JcaVersusBouncyCastleTest() {
        super(new JcaAlgorithmProvider(), new BouncyCastleAlgorithmProvider());
    }
}
