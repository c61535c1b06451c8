package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's checks must be able to fail: each is run against a toy algorithm broken in the
 * one way the check is about, and against the same toy unbroken.
 */
class ChecksCatchBrokenAlgorithmsTest {

    @Test
    void macIgnoringTheSequenceNumberIsCaught() {
        ToyMac broken = new ToyMac(false, 32);
        assertThrows(AssertionError.class, () -> MacChecks.sequenceSensitive(broken, 1, 40, 5, 6));
        assertDoesNotThrow(() -> MacChecks.sequenceSensitive(ToyMac.HONEST, 1, 40, 5, 6));
    }

    @Test
    void macWritingPastItsDeclaredLengthIsCaught() {
        ToyMac broken = new ToyMac(true, 16);
        assertThrows(AssertionError.class, () -> MacChecks.writesExactly(broken, 2, 40, 7, 3));
        assertDoesNotThrow(() -> MacChecks.writesExactly(ToyMac.HONEST, 2, 40, 7, 3));
    }

    @Test
    void macVectorsCatchAWrongMac() {
        List<VectorFile.Vector> vectors = VectorFile.load("hmac-sha2.txt").stream()
                .filter(v -> v.names("algorithms").contains("hmac-sha2-256"))
                .toList();
        assertTrue(vectors.size() >= 6, "RFC 4231 cases for hmac-sha2-256: " + vectors.size());
        for (VectorFile.Vector v : vectors) {
            assertDoesNotThrow(() -> MacChecks.vector(ToyMac.HONEST, v));
            assertThrows(AssertionError.class, () -> MacChecks.vector(new ToyMac(false, 32), v));
        }
    }

    @Test
    void aeadNotCheckingItsTagIsCaught() {
        ToyAead broken = new ToyAead(false, true);
        for (int bit = 0; bit < 200; bit += 37) {
            int b = bit;
            assertThrows(AssertionError.class, () -> CipherChecks.aeadRejectsFlippedBit(broken, 3, 50, 9, b));
            assertDoesNotThrow(() -> CipherChecks.aeadRejectsFlippedBit(ToyAead.HONEST, 3, 50, 9, b));
        }
    }

    @Test
    void aeadReusingOneNonceIsCaught() {
        ToyAead broken = new ToyAead(true, false);
        assertThrows(AssertionError.class, () -> CipherChecks.aeadFreshNoncePerPacket(broken, 5, 30, 11));
        assertThrows(AssertionError.class, () -> CipherChecks.aeadRejectsReorderedPacket(broken, 5, 30, 11));
        assertDoesNotThrow(() -> CipherChecks.aeadFreshNoncePerPacket(ToyAead.HONEST, 5, 30, 11));
        assertDoesNotThrow(() -> CipherChecks.aeadRejectsReorderedPacket(ToyAead.HONEST, 5, 30, 11));
    }

    @Test
    void honestToyPassesTheRoundTripAndSizeChecks() {
        assertDoesNotThrow(() -> CipherChecks.aeadRoundTrip(ToyAead.HONEST, 4, 100, -2, 3));
        assertDoesNotThrow(() -> CipherChecks.aeadSizes(ToyAead.HONEST));
    }

    @Test
    void chachaVectorCatchesAnotherCipher() {
        VectorFile.Vector v = VectorFile.load("chacha20-poly1305-openssh.txt").get(0);
        // The toy is no chacha20-poly1305; fed the vector (with a key of its size) it must fail.
        Map<String, String> fields = new HashMap<>(v.fields());
        fields.put("key", v.text("key").substring(0, 64));
        VectorFile.Vector shortened = new VectorFile.Vector(v.source(), v.line(), fields);
        assertThrows(AssertionError.class, () -> CipherChecks.aeadVector(ToyAead.HONEST, shortened));
    }

    @Test
    void crossProviderComparisonCatchesADisagreement() {
        assertThrows(AssertionError.class,
                () -> CrossProviderConformance.sameMac(ToyMac.HONEST, new ToyMac(false, 32), 6, 64, 3));
        assertDoesNotThrow(() -> CrossProviderConformance.sameMac(ToyMac.HONEST, ToyMac.HONEST, 6, 64, 3));
        assertThrows(AssertionError.class,
                () -> CrossProviderConformance.sameAead(ToyAead.HONEST, new ToyAead(true, false), 6, 64, 3));
        assertDoesNotThrow(() -> CrossProviderConformance.sameAead(ToyAead.HONEST, ToyAead.HONEST, 6, 64, 3));
    }
}
