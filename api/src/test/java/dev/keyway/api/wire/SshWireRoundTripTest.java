package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every RFC 4251 §5 type written by {@link SshWriter} reads back as the same value through
 * {@link SshReader}, consuming exactly the bytes written.
 */
class SshWireRoundTripTest {

    @Property
    void bytesRoundTrip(@ForAll byte value) throws WireFormatException {
        SshReader r = new SshReader(new SshWriter().writeByte(value).toByteArray());
        assertEquals(value & 0xff, r.readByte());
        r.expectEnd();
    }

    @Property(tries = 10)
    void booleansRoundTrip(@ForAll boolean value) throws WireFormatException {
        byte[] encoded = new SshWriter().writeBoolean(value).toByteArray();
        // RFC 4251 §5: a boolean is written as 0 or 1.
        assertArrayEquals(new byte[] {(byte) (value ? 1 : 0)}, encoded);
        SshReader r = new SshReader(encoded);
        assertEquals(value, r.readBoolean());
        r.expectEnd();
    }

    @Property
    void anyNonZeroByteReadsAsTrue(@ForAll byte value) throws WireFormatException {
        // RFC 4251 §5: "All non-zero values MUST be interpreted as TRUE".
        assertEquals(value != 0, new SshReader(new byte[] {value}).readBoolean());
    }

    @Property
    void uint32RoundTrips(@ForAll int value) throws WireFormatException {
        byte[] encoded = new SshWriter().writeUint32(value).toByteArray();
        assertEquals(4, encoded.length);
        assertEquals(value, new SshReader(encoded).readUint32());
        assertEquals(value & 0xffffffffL, new SshReader(encoded).readUint32AsLong());
        // The long overload writes the same bits for a value in the uint32 range.
        assertArrayEquals(encoded, new SshWriter().writeUint32(value & 0xffffffffL).toByteArray());
    }

    @Property
    void uint64RoundTrips(@ForAll long value) throws WireFormatException {
        byte[] encoded = new SshWriter().writeUint64(value).toByteArray();
        assertEquals(8, encoded.length);
        assertEquals(BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
                new BigInteger(1, encoded), "big-endian (RFC 4251 §5)");
        SshReader r = new SshReader(encoded);
        assertEquals(value, r.readUint64());
        r.expectEnd();
    }

    @Property
    void stringsRoundTrip(@ForAll byte[] value) throws WireFormatException {
        byte[] encoded = new SshWriter().writeString(value).toByteArray();
        assertEquals(4 + value.length, encoded.length);
        SshReader r = new SshReader(encoded);
        assertArrayEquals(value, r.readString());
        r.expectEnd();

        SshReader skipping = new SshReader(encoded);
        assertEquals(4, skipping.skipString());
        assertEquals(encoded.length, skipping.position());
    }

    @Property
    void utf8StringsRoundTrip(@ForAll("text") String value) throws WireFormatException {
        byte[] encoded = new SshWriter().writeUtf8(value).toByteArray();
        assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), new SshReader(encoded).readString());
        SshReader r = new SshReader(encoded);
        assertEquals(value, r.readUtf8());
        r.expectEnd();
    }

    @Property
    void mpintsRoundTrip(@ForAll("bigIntegers") BigInteger value) throws WireFormatException {
        byte[] encoded = new SshWriter().writeMpint(value).toByteArray();
        SshReader r = new SshReader(encoded);
        assertEquals(value, r.readMpint());
        r.expectEnd();
    }

    @Property
    void unsignedMpintsEqualTheMagnitudeAsAnMpint(@ForAll byte[] magnitude) throws WireFormatException {
        // writeMpintUnsigned must produce exactly the minimal encoding of BigInteger(1, bytes)
        // (RFC 8731 §3.1), whatever leading zeros or top bit the magnitude has.
        byte[] unsigned = new SshWriter().writeMpintUnsigned(magnitude).toByteArray();
        BigInteger expected = new BigInteger(1, magnitude);
        assertArrayEquals(new SshWriter().writeMpint(expected).toByteArray(), unsigned);
        SshReader r = new SshReader(unsigned);
        assertEquals(expected, r.readMpint());
        r.expectEnd();
    }

    @Property
    void nameListsRoundTrip(@ForAll("nameLists") List<String> names) throws WireFormatException {
        byte[] encoded = new SshWriter().writeNameList(names).toByteArray();
        assertEquals(String.join(",", names), new String(new SshReader(encoded).readString(),
                StandardCharsets.US_ASCII));
        SshReader r = new SshReader(encoded);
        assertEquals(names, r.readNameList());
        r.expectEnd();
    }

    @Property
    void valuesInSequenceReadBackInOrder(@ForAll int a, @ForAll("bigIntegers") BigInteger b,
            @ForAll("nameLists") List<String> c, @ForAll byte[] d, @ForAll boolean e)
            throws WireFormatException {
        // A reused writer (reset, not reallocated) must not leak earlier bytes into a message.
        SshWriter w = new SshWriter(16).writeString(new byte[300]).reset();
        w.writeUint32(a).writeMpint(b).writeNameList(c).writeString(d).writeBoolean(e);
        SshReader r = new SshReader(w.array(), 0, w.size());
        assertEquals(a, r.readUint32());
        assertEquals(b, r.readMpint());
        assertEquals(c, r.readNameList());
        assertArrayEquals(d, r.readString());
        assertEquals(e, r.readBoolean());
        r.expectEnd();
    }

    @Provide
    Arbitrary<BigInteger> bigIntegers() {
        return WireArbitraries.bigIntegers();
    }

    @Provide
    Arbitrary<List<String>> nameLists() {
        return WireArbitraries.nameLists();
    }

    @Provide
    Arbitrary<String> text() {
        return WireArbitraries.text();
    }
}
