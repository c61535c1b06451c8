package dev.keyway.provider.userauth;

import dev.keyway.conformance.UserAuthMethodConformance;

class PublicKeyRsaConformanceTest extends UserAuthMethodConformance {
    PublicKeyRsaConformanceTest() {
        super(MethodFixtures.method("publickey"), MethodFixtures.REGISTRY, MethodFixtures.publicKey("rsa-sha2-512"));
    }
}
