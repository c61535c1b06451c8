package dev.keyway.provider.userauth;

import dev.keyway.conformance.UserAuthMethodConformance;

class PasswordConformanceTest extends UserAuthMethodConformance {
    PasswordConformanceTest() {
        super(MethodFixtures.method("password"), MethodFixtures.REGISTRY, MethodFixtures.password());
    }
}
