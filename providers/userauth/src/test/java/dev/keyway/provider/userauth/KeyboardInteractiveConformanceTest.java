package dev.keyway.provider.userauth;

import dev.keyway.conformance.UserAuthMethodConformance;

class KeyboardInteractiveConformanceTest extends UserAuthMethodConformance {
    KeyboardInteractiveConformanceTest() {
        super(MethodFixtures.method("keyboard-interactive"), MethodFixtures.REGISTRY, MethodFixtures.keyboardInteractive());
    }
}
