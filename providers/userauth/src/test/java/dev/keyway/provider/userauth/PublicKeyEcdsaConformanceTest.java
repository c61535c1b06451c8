package dev.keyway.provider.userauth;

import dev.keyway.conformance.UserAuthMethodConformance;

class PublicKeyEcdsaConformanceTest extends UserAuthMethodConformance {
    PublicKeyEcdsaConformanceTest() {
        super(MethodFixtures.method("publickey"), MethodFixtures.REGISTRY, MethodFixtures.publicKey("ecdsa-sha2-nistp256"));
    }
}
