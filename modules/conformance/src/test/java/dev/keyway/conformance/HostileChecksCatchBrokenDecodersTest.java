package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.wire.SshReader;
import org.junit.jupiter.api.Test;

/** The hostile-input checks must be able to fail: decoders that trust their input are caught. */
class HostileChecksCatchBrokenDecodersTest {

    @Test
    void aDecoderBelievingAHugeLengthFieldIsCaught() {
        byte[] lying = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        // Allocates (a sixteenth of) what the length field says before looking at what follows.
        AssertionError e = assertThrows(AssertionError.class, () -> HostileInput.expectOnlyProtocolErrors("toy",
                () -> new byte[SshReader.uint32At(lying, 0) >>> 4]));
        assertTrue(e.getMessage().contains("allocated") || e.getMessage().contains("out of memory"), e.getMessage());
        assertDoesNotThrow(() -> HostileInput.expectOnlyProtocolErrors("reader", () -> new SshReader(lying).readString()));
    }

    @Test
    void aDecoderThrowingAnUncheckedExceptionIsCaught() {
        byte[] lying = {0, 0, 0, 9};
        AssertionError e = assertThrows(AssertionError.class,
                () -> HostileInput.expectOnlyProtocolErrors("toy", () -> lying[SshReader.uint32At(lying, 0)]));
        assertTrue(e.getMessage().contains("instead of SshProtocolException"), e.getMessage());
    }

    @Test
    void anAeadNotCheckingItsTagIsCaughtOnRandomBytes() {
        assertThrows(AssertionError.class, () -> CipherChecks.aeadHostile(new ToyAead(false, true), 1, 3, 7));
        assertDoesNotThrow(() -> CipherChecks.aeadHostile(ToyAead.HONEST, 1, 3, 7));
    }
}
