package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;

/** The user authentication suite on the honest password toy: the suite passes a sound method. */
class ToyPasswordConformanceTest extends UserAuthMethodConformance {
    ToyPasswordConformanceTest() {
        super(ToyPasswordMethod.HONEST, AlgorithmRegistry.builder().build(), ToyPasswordMethod.FIXTURE);
    }
}
