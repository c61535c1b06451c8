package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The compression checks must be able to fail: a zlib toy passes them honest and fails the
 * one check about each flaw it is given. Some flaws pass the round trip, which is why the zlib
 * checks exist.
 */
class CompressionSuiteCatchesBrokenToysTest {

    @Test
    void honestZlibPassesEveryCheck() {
        ToyDeflate honest = ToyDeflate.HONEST;
        assertDoesNotThrow(() -> CompressionChecks.roundTrip(honest, 1, 0, 1, 500, 32768, 7));
        assertDoesNotThrow(() -> CompressionChecks.limitIsExact(honest, 1, 5000));
        assertDoesNotThrow(() -> CompressionChecks.allocatesForThePayload(honest, 1, 32768));
        assertDoesNotThrow(() -> CompressionChecks.independentStreams(honest, 1));
        assertDoesNotThrow(() -> CompressionChecks.boundsExpansion(honest, 1 << 20, 35000));
        assertDoesNotThrow(() -> CompressionChecks.hostileData(honest, new byte[] {0x78, 1, 2, 3}, 100));
        assertDoesNotThrow(() -> CompressionChecks.delayedAsStandard(honest));
        assertDoesNotThrow(() -> ZlibChecks.flushesEachPayload(honest, 1, 0, 1, 500, 32768, 7));
        assertDoesNotThrow(() -> ZlibChecks.historyRunsOn(honest, 1));
        assertDoesNotThrow(() -> ZlibChecks.holdsNothingBack(honest, 1));
        assertDoesNotThrow(() -> ZlibChecks.knownAnswers(honest));
        assertDoesNotThrow(() -> ZlibChecks.refusesBomb(honest, 8 << 20, 35000, true));
        assertDoesNotThrow(() -> ZlibChecks.garbledStream(honest, 1));
        assertDoesNotThrow(() -> ZlibChecks.refusesMalformed(honest));
    }

    @Test
    void aCompressorDroppingAByteIsCaught() {
        caught("did not survive", () -> CompressionChecks.roundTrip(toy(ToyDeflate.Flaw.DROPS_A_BYTE), 2, 40));
    }

    @Test
    void aDecompressorIgnoringItsLimitIsCaught() {
        caught("with a limit of",
                () -> CompressionChecks.boundsExpansion(toy(ToyDeflate.Flaw.IGNORES_LIMIT), 40_000, 35_000));
        caught("with a limit of", () -> ZlibChecks.knownAnswers(toy(ToyDeflate.Flaw.IGNORES_LIMIT)));
    }

    @Test
    void aBombIsCaughtByTheAllocationBoundEvenWhenTheResultIsDropped() {
        // 64 MiB of zeros compress to about 64 KiB; the limit-ignoring toy allocates it all.
        caught("allocated",
                () -> CompressionChecks.boundsExpansion(toy(ToyDeflate.Flaw.IGNORES_LIMIT), 64 << 20, 1000));
        caught("allocated", () -> ZlibChecks.refusesBomb(toy(ToyDeflate.Flaw.IGNORES_LIMIT), 64 << 20, 1000, false));
    }

    @Test
    void aWrongDelayedDeclarationIsCaught() {
        assertThrows(AssertionError.class,
                () -> CompressionChecks.delayedAsStandard(toy(ToyDeflate.Flaw.NOT_DELAYED)));
    }

    @Test
    void aFullFlushRoundTripsButIsCaughtForgettingTheHistory() {
        ToyDeflate fullFlush = toy(ToyDeflate.Flaw.FULL_FLUSH);
        assertDoesNotThrow(() -> CompressionChecks.roundTrip(fullFlush, 3, 4096, 4096));
        assertDoesNotThrow(() -> ZlibChecks.flushesEachPayload(fullFlush, 3, 4096, 4096));
        caught("does not run on", () -> ZlibChecks.historyRunsOn(fullFlush, 3));
    }

    @Test
    void rawDeflateAgreesWithItselfButIsCaughtOnTheWire() {
        ToyDeflate raw = toy(ToyDeflate.Flaw.RAW_DEFLATE);
        assertDoesNotThrow(() -> CompressionChecks.roundTrip(raw, 4, 100, 2000));
        caught("not a zlib stream", () -> ZlibChecks.flushesEachPayload(raw, 4, 100, 2000));
        caught("decompressed wrong", () -> ZlibChecks.knownAnswers(raw));
    }

    @Test
    void aDecompressorForgettingTheHistoryIsCaughtByOpenSshsBytes() {
        caught("decompressed wrong", () -> ZlibChecks.knownAnswers(toy(ToyDeflate.Flaw.FORGETS_HISTORY)));
    }

    @Test
    void aDecompressorHoldingOutputBackIsCaught() {
        caught("did not give out all", () -> ZlibChecks.holdsNothingBack(toy(ToyDeflate.Flaw.STOPS_WHEN_INPUT_IS_TAKEN), 5));
    }

    @Test
    void aDecompressorAcceptingTheEndOfTheStreamIsCaught() {
        caught("accepted a stream that ends", () -> ZlibChecks.refusesMalformed(toy(ToyDeflate.Flaw.ACCEPTS_STREAM_END)));
    }

    @Test
    void aRefusalWithTheWrongReasonIsCaught() {
        ToyDeflate wrongReason = toy(ToyDeflate.Flaw.WRONG_REASON);
        caught("instead of COMPRESSION_ERROR", () -> ZlibChecks.refusesMalformed(wrongReason));
        caught("instead of COMPRESSION_ERROR",
                () -> CompressionChecks.hostileData(wrongReason, new byte[] {0x78, 1, 2, 3}, 100));
    }

    @Test
    void anUncheckedExceptionOnGarbledDataIsCaught() {
        ToyDeflate leaking = toy(ToyDeflate.Flaw.LEAKS_EXCEPTIONS);
        caught("instead of SshProtocolException",
                () -> CompressionChecks.hostileData(leaking, new byte[] {0x78, 1, 2, 3}, 100));
        caught("instead of SshProtocolException", () -> ZlibChecks.refusesMalformed(leaking));
    }

    private static ToyDeflate toy(ToyDeflate.Flaw flaw) {
        return new ToyDeflate(flaw);
    }

    private static void caught(String expected, Executable check) {
        AssertionError e = assertThrows(AssertionError.class, check);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
