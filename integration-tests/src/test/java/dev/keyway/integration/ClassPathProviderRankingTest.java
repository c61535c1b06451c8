package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AlgorithmProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * On the class path the providers are found through {@code META-INF/services}; the registry
 * ranks them by priority, providers of equal priority by name, unless the user states a
 * preference.
 */
class ClassPathProviderRankingTest {

    @Test
    void loadDefaultRanksJcaAboveBouncyCastleAboveUserAuth() {
        List<AlgorithmProvider> providers = AlgorithmRegistry.loadDefault().providers();
        assertEquals(List.of("jca", "bouncycastle", "mlkem", "sntrup", "userauth"), names(providers));
        // The ranking rests on these documented priorities, not on discovery order.
        assertEquals(List.of(200, 100, 100, 100, 0), providers.stream().map(AlgorithmProvider::priority).toList());
    }

    @Test
    void preferringBouncyCastleReversesTheRanking() {
        AlgorithmRegistry registry = AlgorithmRegistry.builder()
                .addAll(ServiceLoader.load(AlgorithmProvider.class))
                .preferProviders("bouncycastle")
                .build();
        assertEquals(List.of("bouncycastle", "jca", "mlkem", "sntrup", "userauth"), names(registry.providers()));
    }

    private static List<String> names(List<AlgorithmProvider> providers) {
        return providers.stream().map(AlgorithmProvider::name).toList();
    }
}
