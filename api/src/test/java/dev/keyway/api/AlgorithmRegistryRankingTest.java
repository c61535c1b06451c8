package dev.keyway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When several providers offer one name, exactly one serves it: the first in rank order, which
 * is priority (higher first) unless the user names providers to prefer.
 */
class AlgorithmRegistryRankingTest {
    private final FixtureProvider low = new FixtureProvider("low", 10).mac("hmac-a").mac("hmac-low-only");
    private final FixtureProvider high = new FixtureProvider("high", 200).mac("hmac-a").mac("hmac-b");
    private final FixtureProvider middle = new FixtureProvider("middle", 100).mac("hmac-b").mac("hmac-a");

    @Test
    void providersAreRankedByPriorityHighestFirst() {
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(low).add(high).add(middle).build();
        assertEquals(List.of(high, middle, low), r.providers());
    }

    @Test
    void equalPrioritiesAreOrderedByNameSoTheResultDoesNotDependOnDiscoveryOrder() {
        FixtureProvider b = new FixtureProvider("b", 5).mac("x");
        FixtureProvider a = new FixtureProvider("a", 5).mac("x");
        assertEquals(List.of(a, b), AlgorithmRegistry.builder().add(b).add(a).build().providers());
        assertEquals(List.of(a, b), AlgorithmRegistry.builder().add(a).add(b).build().providers());
    }

    @Test
    void theHighestRankedProviderServesASharedName() {
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(low).add(middle).add(high).build();
        assertEquals(Optional.of("high"), r.providerName(AlgorithmCategory.MAC, "hmac-a"));
        assertSame(high.algorithms.get(0), r.mac("hmac-a").orElseThrow());
        assertEquals(Optional.of("high"), r.providerName(AlgorithmCategory.MAC, "hmac-b"));
        assertEquals(Optional.of("low"), r.providerName(AlgorithmCategory.MAC, "hmac-low-only"));
    }

    @Test
    void preferredProvidersComeFirstInTheGivenOrderWhateverTheirPriority() {
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(high).add(middle).add(low)
                .preferProviders("low", "middle").build();
        assertEquals(List.of(low, middle, high), r.providers());
        assertEquals(Optional.of("low"), r.providerName(AlgorithmCategory.MAC, "hmac-a"));
        // "low" lacks hmac-b, so the next preferred provider serves it, not the higher priority one.
        assertEquals(Optional.of("middle"), r.providerName(AlgorithmCategory.MAC, "hmac-b"));
    }

    /** A provider may rank lower in one category: JDK ciphers beat Bouncy Castle's, its curves do not. */
    @Test
    void aProvidersRankInACategoryDecidesTheNamesOfThatCategory() {
        FixtureProvider jdkLike = new FixtureProvider("jdk-like", 200).mac("hmac-a").compression("zip")
                .rankIn(AlgorithmCategory.COMPRESSION, 50);
        FixtureProvider other = new FixtureProvider("other", 100).mac("hmac-a").compression("zip");
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(jdkLike).add(other).build();
        assertEquals(Optional.of("jdk-like"), r.providerName(AlgorithmCategory.MAC, "hmac-a"));
        assertEquals(Optional.of("other"), r.providerName(AlgorithmCategory.COMPRESSION, "zip"));
        assertEquals(List.of(jdkLike, other), r.providers(), "the overall order stays by priority()");
        AlgorithmRegistry preferring = AlgorithmRegistry.builder().add(jdkLike).add(other)
                .preferProviders("jdk-like").build();
        assertEquals(Optional.of("jdk-like"), preferring.providerName(AlgorithmCategory.COMPRESSION, "zip"),
                "a preference the user states beats every rank");
    }

    @Test
    void unpreferredProvidersFollowByPriority() {
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(high).add(middle).add(low)
                .preferProviders("low", "no-such-provider").build();
        assertEquals(List.of(low, high, middle), r.providers());
    }

    @Test
    void namesFollowProviderRankThenEachProvidersOwnOrder() {
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(low).add(middle).add(high).build();
        // high lists a, b; middle adds nothing new; low adds low-only.
        assertEquals(List.of("hmac-a", "hmac-b", "hmac-low-only"), r.names(AlgorithmCategory.MAC));
    }

    @Test
    void theFirstProviderWinsEvenWhenItListsANameTwice() {
        FixtureProvider twice = new FixtureProvider("twice", 1).mac("dup").mac("dup");
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(twice).build();
        assertEquals(List.of("dup"), r.names(AlgorithmCategory.MAC));
        assertSame(twice.algorithms.get(0), r.mac("dup").orElseThrow());
    }

    @Test
    void algorithmsAreFiledUnderTheirOwnCategoryOnly() {
        FixtureProvider p = new FixtureProvider("p", 0).mac("same-name").compression("same-name");
        AlgorithmRegistry r = AlgorithmRegistry.builder().add(p).build();
        assertTrue(r.mac("same-name").isPresent());
        assertTrue(r.compression("same-name").isPresent());
        assertTrue(r.cipher("same-name").isEmpty());
        assertTrue(r.keyExchange("same-name").isEmpty());
        assertTrue(r.signature("same-name").isEmpty());
    }
}
