package dev.keyway.provider.userauth;

import dev.keyway.conformance.UserAuthMethodConformance;

class NoneConformanceTest extends UserAuthMethodConformance {
    NoneConformanceTest() {
        super(MethodFixtures.method("none"), MethodFixtures.REGISTRY, MethodFixtures.none());
    }
}
