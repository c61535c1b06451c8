package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.ClassicHalf;
import dev.keyway.api.spi.EphemeralKeyExchange;
import dev.keyway.api.spi.ExchangeDigest;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * The hybrid laws hold for a sound toy hybrid and catch each broken one: the check that
 * must fail does, and the others pass, so the flaw is the only thing wrong with the toy.
 */
class HybridLawsCatchBrokenHybridsTest {

    private static KeyExchangeAlgorithm hybrid(ToyKem kem) {
        return EphemeralKeyExchange.hybrid("toy-hybrid", ExchangeDigest.SHA256, kem,
                ClassicHalf.x25519(new ToyX25519Agreement()));
    }

    @Test
    void soundToyHybridKeepsEveryLaw() {
        KeyExchangeAlgorithm toy = hybrid(ToyKem.sound());
        assertTrue(HybridKeyExchangeChecks.isHybrid(toy));
        byte[] k = KeyExchangeChecks.agree(toy, new SeededRandom(1), toy, new SeededRandom(2));
        assertEquals(4 + 32, k.length);
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertMalformedValuesRefused(toy, new SeededRandom(3)));
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertImplicitRejection(toy, new SeededRandom(4), new SeededRandom(104), 52));
    }

    @Test
    void kemThatIgnoresTheCiphertextIsCaught() {
        KeyExchangeAlgorithm toy = hybrid(ToyKem.ignoringCiphertext());
        assertDoesNotThrow(() -> KeyExchangeChecks.agree(toy, new SeededRandom(5), toy, new SeededRandom(6)));
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertMalformedValuesRefused(toy, new SeededRandom(7)));
        AssertionError e = assertThrows(AssertionError.class,
                () -> HybridKeyExchangeChecks.assertImplicitRejection(toy, new SeededRandom(8), new SeededRandom(108), 104));
        assertTrue(e.getMessage().contains("gave the server's K"), e.getMessage());
    }

    @Test
    void hybridThatFixesLengthsIsCaught() {
        KeyExchangeAlgorithm toy = new LengthFixingHybrid(hybrid(ToyKem.sound()));
        assertDoesNotThrow(() -> KeyExchangeChecks.agree(toy, new SeededRandom(9), toy, new SeededRandom(10)));
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertImplicitRejection(toy, new SeededRandom(11), new SeededRandom(111), 143));
        AssertionError e = assertThrows(AssertionError.class,
                () -> HybridKeyExchangeChecks.assertMalformedValuesRefused(toy, new SeededRandom(12)));
        assertTrue(e.getMessage().contains("accepted an invalid peer value"), e.getMessage());
    }

    @Test
    void kStringCheckWantsOneDigest() {
        KeyExchangeAlgorithm toy = hybrid(ToyKem.sound());
        byte[] digest = new byte[4 + 32];
        digest[3] = 32;
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertHashString(toy, digest));
        assertThrows(AssertionError.class,
                () -> HybridKeyExchangeChecks.assertHashString(toy, java.util.Arrays.copyOf(digest, 4 + 31)));
        byte[] mislabelled = digest.clone();
        mislabelled[3] = 33;
        assertThrows(AssertionError.class, () -> HybridKeyExchangeChecks.assertHashString(toy, mislabelled));
    }
}
