package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import org.junit.jupiter.api.Test;

/**
 * RFC 4251 §5: "Unnecessary leading bytes with the value 0 or 255 MUST NOT be included. The
 * value zero MUST be stored as a string with zero bytes of data." Accepting other forms would
 * give one integer several encodings (signature malleability, hash mismatches).
 */
class MpintCanonicalFormTest {

    private static byte[] mpint(byte... contents) {
        return new SshWriter().writeString(contents).toByteArray();
    }

    @Property(tries = 128)
    void zeroBeforeANonNegativeByteIsRejected(@ForAll @ByteRange(min = 0, max = 127) byte next) {
        assertThrows(WireFormatException.class, () -> new SshReader(mpint((byte) 0, next, (byte) 0x42)).readMpint());
    }

    @Property(tries = 128)
    void ffBeforeANegativeByteIsRejected(@ForAll @ByteRange(min = -128, max = -1) byte next) {
        assertThrows(WireFormatException.class, () -> new SshReader(mpint((byte) 0xff, next)).readMpint());
    }

    @Property(tries = 128)
    void zeroBeforeANegativeByteIsTheNeededSignByte(@ForAll @ByteRange(min = -128, max = -1) byte next)
            throws WireFormatException {
        assertEquals(BigInteger.valueOf(next & 0xff), new SshReader(mpint((byte) 0, next)).readMpint());
    }

    @Property(tries = 128)
    void ffBeforeANonNegativeByteIsTheNeededSignByte(@ForAll @ByteRange(min = 0, max = 127) byte next)
            throws WireFormatException {
        assertEquals(BigInteger.valueOf(next - 256), new SshReader(mpint((byte) 0xff, next)).readMpint());
    }

    @Test
    void zeroAsOneZeroByteIsRejected() {
        assertThrows(WireFormatException.class, () -> new SshReader(mpint((byte) 0)).readMpint());
    }

    @Test
    void minusOneIsOneFfByte() throws WireFormatException {
        assertEquals(BigInteger.ONE.negate(), new SshReader(mpint((byte) 0xff)).readMpint());
    }
}
