package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.api.DisconnectReason;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Peer input is attacker-controlled: whatever bytes arrive, a read either returns a value or
 * throws {@link WireFormatException} (a PROTOCOL_ERROR disconnect), never an unchecked exception
 * and never an allocation sized by an unchecked length.
 */
class SshReaderMalformedInputTest {

    /** A read method and a valid encoding for it. */
    record Encoded(WireReadOperation operation, byte[] bytes) {
        @Override
        public String toString() {
            return operation + " " + Arrays.toString(bytes);
        }
    }

    @Provide
    Arbitrary<Encoded> validEncodings() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.oneOf(
                Arbitraries.bytes().map(v -> new Encoded(WireReadOperation.BYTE,
                        new SshWriter().writeByte(v).toByteArray())),
                Arbitraries.of(true, false).map(v -> new Encoded(WireReadOperation.BOOLEAN,
                        new SshWriter().writeBoolean(v).toByteArray())),
                Arbitraries.integers().map(v -> new Encoded(WireReadOperation.UINT32,
                        new SshWriter().writeUint32(v).toByteArray())),
                Arbitraries.longs().map(v -> new Encoded(WireReadOperation.UINT64,
                        new SshWriter().writeUint64(v).toByteArray())),
                bytes.map(v -> new Encoded(WireReadOperation.STRING,
                        new SshWriter().writeString(v).toByteArray())),
                bytes.map(v -> new Encoded(WireReadOperation.SKIP_STRING,
                        new SshWriter().writeString(v).toByteArray())),
                WireArbitraries.text().map(v -> new Encoded(WireReadOperation.UTF8,
                        new SshWriter().writeUtf8(v).toByteArray())),
                WireArbitraries.bigIntegers().map(v -> new Encoded(WireReadOperation.MPINT,
                        new SshWriter().writeMpint(v).toByteArray())),
                WireArbitraries.nameLists().map(v -> new Encoded(WireReadOperation.NAME_LIST,
                        new SshWriter().writeNameList(v).toByteArray())));
    }

    @Property
    void everyStrictPrefixOfAValidEncodingIsRejected(@ForAll("validEncodings") Encoded valid) {
        for (int cut = 0; cut < valid.bytes().length; cut++) {
            // The prefix sits at a non-zero offset in a larger array with bytes after the slice,
            // so a reader that looked past its slice's end would be caught too.
            byte[] padded = new byte[valid.bytes().length + 8];
            Arrays.fill(padded, (byte) 'x');
            System.arraycopy(valid.bytes(), 0, padded, 3, cut);
            SshReader r = new SshReader(padded, 3, cut);
            int length = cut;
            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> valid.operation().applyTo(r), () -> "prefix of " + length + " bytes");
            assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
        }
    }

    @Property
    void theWholeValidEncodingIsConsumed(@ForAll("validEncodings") Encoded valid) throws WireFormatException {
        SshReader r = new SshReader(valid.bytes());
        valid.operation().applyTo(r);
        assertEquals(0, r.remaining());
    }

    @Provide
    Arbitrary<byte[]> noise() {
        // Mostly short arrays, with small length prefixes common enough that the bodies of
        // strings, mpints and name-lists get exercised, not only the length check.
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> smallLength = Combinators.combine(
                Arbitraries.integers().between(0, 40), raw).as((len, body) -> {
                    byte[] out = new SshWriter().writeUint32(len).writeRaw(body).toByteArray();
                    return out;
                });
        return Arbitraries.oneOf(raw, smallLength);
    }

    @Property(tries = 500)
    void randomBytesOnlyEverRaiseWireFormatException(@ForAll("noise") byte[] input,
            @ForAll WireReadOperation operation) {
        SshReader r = new SshReader(input);
        try {
            operation.applyTo(r);
            assertTrue(r.remaining() >= 0 && r.position() <= input.length);
        } catch (WireFormatException expected) {
            // the only acceptable failure
        } catch (RuntimeException e) {
            fail(operation + " threw " + e + " on " + Arrays.toString(input), e);
        }
    }

    @Property(tries = 500)
    void acceptedMpintsAreInCanonicalForm(@ForAll("noise") byte[] input) {
        // RFC 4251 §5 gives each integer exactly one mpint encoding; whatever the reader
        // accepts must therefore be what the writer produces for the value.
        SshReader r = new SshReader(input);
        BigInteger v;
        try {
            v = r.readMpint();
        } catch (WireFormatException rejected) {
            return;
        }
        assertEquals(Arrays.toString(Arrays.copyOf(input, r.position())),
                Arrays.toString(new SshWriter().writeMpint(v).toByteArray()));
    }

    @Property(tries = 500)
    void acceptedNameListsAreInCanonicalForm(@ForAll("noise") byte[] input) {
        SshReader r = new SshReader(input);
        List<String> names;
        try {
            names = r.readNameList();
        } catch (WireFormatException rejected) {
            return;
        }
        assertEquals(Arrays.toString(Arrays.copyOf(input, r.position())),
                Arrays.toString(new SshWriter().writeNameList(names).toByteArray()));
    }

    @ParameterizedTest
    @EnumSource(value = WireReadOperation.class, names = {"STRING", "SKIP_STRING", "UTF8", "MPINT", "NAME_LIST"})
    void hugeDeclaredLengthsAreRejectedBeforeAllocating(WireReadOperation operation) {
        for (int declared : new int[] {0x7fffffff, 0xffffffff, 0x80000000, 0x00100000}) {
            // A few real bytes follow, far fewer than declared; no buffer of the declared size
            // may be allocated (a 2 GiB array would fail with OutOfMemoryError, not this).
            byte[] input = new SshWriter().writeUint32(declared).writeRaw("abc,def".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)).toByteArray();
            SshReader r = new SshReader(input);
            assertThrows(WireFormatException.class, () -> operation.applyTo(r),
                    () -> operation + " with length " + Integer.toUnsignedString(declared));
        }
    }

    @Property(tries = 50)
    void lengthOneShortOfTheDataIsRejected(@ForAll @IntRange(min = 1, max = 5000) int declared,
            @ForAll WireReadOperation operation) {
        if (!operation.isLengthPrefixed()) {
            return;
        }
        byte[] input = new SshWriter().writeUint32(declared).writeRaw(new byte[declared - 1]).toByteArray();
        assertThrows(WireFormatException.class, () -> operation.applyTo(new SshReader(input)));
    }

    @ParameterizedTest
    @ValueSource(ints = {SshReader.MAX_MPINT_BYTES + 1, 1 << 16})
    void mpintsLargerThanTheBoundAreRejectedEvenWhenPresent(int length) {
        byte[] magnitude = new byte[length];
        magnitude[0] = 0x11; // minimal: no sign byte needed
        byte[] input = new SshWriter().writeString(magnitude).toByteArray();
        assertThrows(WireFormatException.class, () -> new SshReader(input).readMpint());
    }

    @org.junit.jupiter.api.Test
    void anMpintOfExactlyTheBoundIsAccepted() throws WireFormatException {
        byte[] magnitude = new byte[SshReader.MAX_MPINT_BYTES];
        magnitude[0] = 0x11;
        byte[] input = new SshWriter().writeString(magnitude).toByteArray();
        assertEquals(new BigInteger(magnitude), new SshReader(input).readMpint());
    }

    @org.junit.jupiter.api.Test
    void trailingBytesFailExpectEnd() throws WireFormatException {
        SshReader r = new SshReader(new byte[] {1, 2});
        r.readByte();
        assertThrows(WireFormatException.class, r::expectEnd);
        r.readByte();
        r.expectEnd();
    }
}
