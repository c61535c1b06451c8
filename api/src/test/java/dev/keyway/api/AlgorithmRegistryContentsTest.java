package dev.keyway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.CompressionAlgorithm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a registry holds: only supported algorithms, always {@code none} compression, and a
 * snapshot that nothing done after {@code build()} can change (a session keeps the algorithms
 * it started with even if a provider bundle goes away).
 */
class AlgorithmRegistryContentsTest {

    @Test
    void unsupportedAlgorithmsAreAbsent() {
        FixtureProvider p = new FixtureProvider("p", 0).mac("works").unsupportedMac("needs-newer-jdk");
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(p).build();
        assertEquals(List.of("works"), r.names(AlgorithmCategory.MAC));
        assertTrue(r.mac("needs-newer-jdk").isEmpty());
        assertTrue(r.providerName(AlgorithmCategory.MAC, "needs-newer-jdk").isEmpty());
    }

    @Test
    void aLowerRankedSupportedImplementationServesANameTheHigherOneCannot() {
        FixtureProvider high = new FixtureProvider("high", 9).unsupportedMac("m");
        FixtureProvider low = new FixtureProvider("low", 1).mac("m");
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(high).add(low).build();
        assertEquals(Optional.of("low"), r.providerName(AlgorithmCategory.MAC, "m"));
    }

    @Test
    void noneCompressionIsAlwaysPresent() {
        AlgorithmRegistry empty = AlgorithmRegistry.builder().build();
        assertEquals(List.of("none"), empty.names(AlgorithmCategory.COMPRESSION));
        assertSame(CompressionAlgorithm.NONE, empty.compression("none").orElseThrow());
        assertTrue(empty.names(AlgorithmCategory.MAC).isEmpty());
    }

    @Test
    void noneStaysFirstAndBuiltInWhenAProviderAddsCompression() {
        FixtureProvider p = new FixtureProvider("p", 0).compression("zlib@openssh.com").compression("none");
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(p).build();
        assertEquals(List.of("none", "zlib@openssh.com"), r.names(AlgorithmCategory.COMPRESSION));
        assertSame(CompressionAlgorithm.NONE, r.compression("none").orElseThrow());
    }

    @Test
    void addingToTheBuilderAfterBuildDoesNotChangeTheRegistry() {
        AlgorithmRegistry.Builder b = AlgorithmRegistry.builder().add(new FixtureProvider("first", 0).mac("m1"));
        AlgorithmRegistry built = b.build();
        b.add(new FixtureProvider("later", 100).mac("m1").mac("m2")).preferProviders("later");
        assertEquals(List.of("m1"), built.names(AlgorithmCategory.MAC));
        assertEquals(Optional.of("first"), built.providerName(AlgorithmCategory.MAC, "m1"));
        assertEquals(1, built.providers().size());
        // The builder itself goes on working for the next snapshot.
        assertEquals(Optional.of("later"), b.build().providerName(AlgorithmCategory.MAC, "m1"));
    }

    @Test
    void aProviderChangingItsListAfterBuildDoesNotChangeTheRegistry() {
        FixtureProvider p = new FixtureProvider("p", 0).mac("m1");
        AlgorithmRegistry built = AlgorithmRegistry.builder().add(p).build();
        p.mac("m2");
        p.algorithms.remove(0);
        assertEquals(List.of("m1"), built.names(AlgorithmCategory.MAC));
        assertTrue(built.mac("m1").isPresent());
        assertFalse(built.mac("m2").isPresent());
    }

    @Test
    void returnedListsAreUnmodifiable() {
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(new FixtureProvider("p", 0).mac("m")).build();
        assertThrows(UnsupportedOperationException.class, () -> r.names(AlgorithmCategory.MAC).add("x"));
        assertThrows(UnsupportedOperationException.class, () -> r.providers().clear());
    }

    @Test
    void categoryOfFollowsTheSpiType() {
        assertEquals(AlgorithmCategory.MAC, AlgorithmRegistry.categoryOf(new FixtureProvider.FixtureMac("m", true)));
        assertEquals(AlgorithmCategory.COMPRESSION, AlgorithmRegistry.categoryOf(CompressionAlgorithm.NONE));
    }
}
