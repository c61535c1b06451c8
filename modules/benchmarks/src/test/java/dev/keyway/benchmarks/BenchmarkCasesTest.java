package dev.keyway.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.KeyExchangeAlgorithm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases the jar runs by default cover every provider on the class path, side by side. */
class BenchmarkCasesTest {
    private final Map<String, List<String>> cases = BenchmarkMain.cases(InstalledProviders.all());

    @Test
    void keyExchangesIncludeThePostQuantumProviders() {
        assertTrue(cases.get("exchange").containsAll(List.of("mlkem:mlkem768x25519-sha256",
                "sntrup:sntrup761x25519-sha512", "jca:curve25519-sha256", "bouncycastle:curve25519-sha256")),
                cases.get("exchange").toString());
    }

    @Test
    void ciphersAndSignaturesComeFromBothGeneralProviders() {
        assertTrue(cases.get("algorithm").containsAll(List.of("jca:aes256-gcm@openssh.com",
                "bouncycastle:aes256-gcm@openssh.com", "bouncycastle:chacha20-poly1305@openssh.com",
                "jca:aes128-ctr:hmac-sha2-256-etm@openssh.com")), cases.get("algorithm").toString());
        assertTrue(cases.get("signature").containsAll(List.of("jca:rsa-sha2-256", "bouncycastle:rsa-sha2-256",
                "jca:ssh-ed25519", "bouncycastle:ecdsa-sha2-nistp256")), cases.get("signature").toString());
    }

    @Test
    void aCaseOfAnUnknownProviderOrNameIsRefusedWithTheNamesThatWork() {
        IllegalArgumentException noProvider = assertThrows(IllegalArgumentException.class,
                () -> AlgorithmCase.parse("nosuch:curve25519-sha256").open(KeyExchangeAlgorithm.class));
        assertTrue(noProvider.getMessage().contains("jca"), noProvider.getMessage());
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> AlgorithmCase.parse("mlkem:curve25519-sha256").open(KeyExchangeAlgorithm.class));
        assertTrue(noName.getMessage().contains("mlkem768x25519-sha256"), noName.getMessage());
    }
}
