package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The compression checks must be able to fail: a zlib toy passes them honest and fails the
 * one check about each flaw it is given.
 */
class CompressionSuiteCatchesBrokenToysTest {

    @Test
    void honestZlibPassesEveryCheck() {
        assertDoesNotThrow(() -> CompressionChecks.roundTrip(ToyDeflate.HONEST, 1, 0, 1, 500, 32768, 7));
        assertDoesNotThrow(() -> CompressionChecks.boundsExpansion(ToyDeflate.HONEST, 1 << 20, 35000));
        assertDoesNotThrow(() -> CompressionChecks.hostileData(ToyDeflate.HONEST, new byte[] {0x78, 1, 2, 3}, 100));
        assertDoesNotThrow(() -> CompressionChecks.delayedAsStandard(ToyDeflate.HONEST));
    }

    @Test
    void aCompressorDroppingAByteIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> CompressionChecks.roundTrip(new ToyDeflate(ToyDeflate.Flaw.DROPS_A_BYTE), 2, 40));
        assertTrue(e.getMessage().contains("did not survive"), e.getMessage());
    }

    @Test
    void aDecompressorIgnoringItsLimitIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> CompressionChecks.boundsExpansion(new ToyDeflate(ToyDeflate.Flaw.IGNORES_LIMIT), 40_000, 35_000));
        assertTrue(e.getMessage().contains("with a limit of"), e.getMessage());
    }

    @Test
    void aBombIsCaughtByTheAllocationBoundEvenWhenTheResultIsDropped() {
        // 64 MiB of zeros compress to about 64 KiB; the limit-ignoring toy allocates it all.
        AssertionError e = assertThrows(AssertionError.class,
                () -> CompressionChecks.boundsExpansion(new ToyDeflate(ToyDeflate.Flaw.IGNORES_LIMIT), 64 << 20, 1000));
        assertTrue(e.getMessage().contains("allocated"), e.getMessage());
    }

    @Test
    void aWrongDelayedDeclarationIsCaught() {
        assertThrows(AssertionError.class,
                () -> CompressionChecks.delayedAsStandard(new ToyDeflate(ToyDeflate.Flaw.NOT_DELAYED)));
    }
}
