package dev.keyway.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider;
import dev.keyway.provider.jca.JcaAlgorithmProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rank rule of the OSGi source, with the real providers and service properties as the
 * framework gives them: {@code service.ranking} stands in for the priority, and ties go by name,
 * then to the older service.
 */
class ProviderServicesTest {
    private final ProviderServices services = new ProviderServices();

    private String aes128CtrFrom() {
        return services.snapshot().providerName(AlgorithmCategory.CIPHER, "aes128-ctr").orElse("none");
    }

    @Test
    void withoutARankingTheHigherPriorityWins() {
        services.put(new BouncyCastleAlgorithmProvider(), Map.of("service.id", 1L));
        services.put(new JcaAlgorithmProvider(), Map.of("service.id", 2L));
        assertEquals("jca", aes128CtrFrom(), "priority 200 over 100");
    }

    @Test
    void aServiceRankingStandsInForThePriority() {
        services.put(new JcaAlgorithmProvider(), Map.of("service.id", 1L));
        services.put(new BouncyCastleAlgorithmProvider(), Map.of("service.id", 2L, "service.ranking", 300));
        assertEquals("bouncycastle", aes128CtrFrom());

        services.put(new BouncyCastleAlgorithmProvider(), Map.of("service.id", 2L, "service.ranking", 150));
        assertEquals("jca", aes128CtrFrom(), "a changed ranking is taken (the reference's updated method)");
    }

    @Test
    void aRankingThatIsNotAnIntegerIsIgnored() {
        services.put(new JcaAlgorithmProvider(), Map.of("service.id", 1L));
        services.put(new BouncyCastleAlgorithmProvider(), Map.of("service.id", 2L, "service.ranking", "300"));
        assertEquals("jca", aes128CtrFrom());
    }

    @Test
    void atEqualRankTheOlderServiceWins() {
        JcaAlgorithmProvider older = new JcaAlgorithmProvider();
        JcaAlgorithmProvider newer = new JcaAlgorithmProvider();
        services.put(newer, Map.of("service.id", 9L));
        services.put(older, Map.of("service.id", 4L));
        assertSame(older, services.snapshot().providers().get(0));
    }

    @Test
    void aRemovedProviderLeavesTheNextSnapshotOnly() {
        services.put(new JcaAlgorithmProvider(), Map.of("service.id", 1L));
        services.put(new BouncyCastleAlgorithmProvider(), Map.of("service.id", 2L));
        AlgorithmRegistry before = services.snapshot();
        services.remove(Map.of("service.id", 1L));
        assertEquals("bouncycastle", aes128CtrFrom());
        assertEquals("jca", before.providerName(AlgorithmCategory.CIPHER, "aes128-ctr").orElseThrow(),
                "a snapshot already taken does not change");
    }

    @Test
    void aSnapshotIsBuiltOnChangesNotOnReads() {
        AlgorithmRegistry empty = services.snapshot();
        assertEquals(List.of(), empty.providers());
        assertSame(empty, services.snapshot());
        services.put(new JcaAlgorithmProvider(), Map.of("service.id", 1L));
        assertNotSame(empty, services.snapshot());
        assertSame(services.snapshot(), services.snapshot());
    }

    @Test
    void propertiesWithoutAServiceIdAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> services.put(new JcaAlgorithmProvider(), Map.of()));
    }
}
