package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of RFC 4251 §5, byte for byte, in both directions. */
class Rfc4251ExampleEncodingTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "mpint {0}")
    @CsvSource({
        "0,                00 00 00 00",
        "9a378f9b2e332a7,  00 00 00 08 09 a3 78 f9 b2 e3 32 a7",
        "80,               00 00 00 02 00 80",
        "-1234,            00 00 00 02 ed cc",
        "-deadbeef,        00 00 00 05 ff 21 52 41 11",
    })
    void mpintExamples(String value, String encoding) throws WireFormatException {
        BigInteger v = new BigInteger(value, 16);
        assertArrayEquals(hex(encoding), new SshWriter().writeMpint(v).toByteArray());
        SshReader r = new SshReader(hex(encoding));
        assertEquals(v, r.readMpint());
        r.expectEnd();
    }

    @Test
    void unsignedMpintOfTheExamples() {
        // The positive examples again, from unsigned magnitudes with surplus leading zeros.
        assertArrayEquals(hex("00 00 00 02 00 80"),
                new SshWriter().writeMpintUnsigned(hex("00 00 80")).toByteArray());
        assertArrayEquals(hex("00 00 00 08 09 a3 78 f9 b2 e3 32 a7"),
                new SshWriter().writeMpintUnsigned(hex("00 09 a3 78 f9 b2 e3 32 a7")).toByteArray());
        assertArrayEquals(hex("00 00 00 00"), new SshWriter().writeMpintUnsigned(hex("00 00")).toByteArray());
    }

    @Test
    void uint32Example() throws WireFormatException {
        // "the value 699921578 (0x29b7f4aa) is stored as 29 b7 f4 aa"
        assertArrayEquals(hex("29 b7 f4 aa"), new SshWriter().writeUint32(699921578).toByteArray());
        assertEquals(699921578, new SshReader(hex("29 b7 f4 aa")).readUint32());
    }

    @Test
    void stringExample() throws WireFormatException {
        byte[] encoded = hex("00 00 00 07 74 65 73 74 69 6e 67");
        assertArrayEquals(encoded, new SshWriter().writeUtf8("testing").toByteArray());
        assertEquals("testing", new SshReader(encoded).readUtf8());
    }

    @ParameterizedTest(name = "name-list {0}")
    @CsvSource(delimiter = '|', value = {
        "''          | 00 00 00 00",
        "zlib        | 00 00 00 04 7a 6c 69 62",
        "zlib,none   | 00 00 00 09 7a 6c 69 62 2c 6e 6f 6e 65",
    })
    void nameListExamples(String csv, String encoding) throws WireFormatException {
        List<String> names = csv.isEmpty() ? List.of() : List.of(csv.split(","));
        assertArrayEquals(hex(encoding), new SshWriter().writeNameList(names).toByteArray());
        assertEquals(names, new SshReader(hex(encoding)).readNameList());
    }
}
