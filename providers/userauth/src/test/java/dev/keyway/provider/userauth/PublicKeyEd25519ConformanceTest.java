package dev.keyway.provider.userauth;

import dev.keyway.conformance.UserAuthMethodConformance;

class PublicKeyEd25519ConformanceTest extends UserAuthMethodConformance {
    PublicKeyEd25519ConformanceTest() {
        super(MethodFixtures.method("publickey"), MethodFixtures.REGISTRY, MethodFixtures.publicKey("ssh-ed25519"));
    }
}
