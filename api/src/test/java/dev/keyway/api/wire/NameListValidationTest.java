package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 4251 §5: a name-list is comma-separated names, each non-empty US-ASCII, "MUST NOT
 * contain a comma"; "a name MUST have a non-zero length". Names are printable (RFC 4250 §4.6.1:
 * no control characters, spaces or DEL).
 */
class NameListValidationTest {

    private static SshReader reader(byte[] contents) {
        return new SshReader(new SshWriter().writeString(contents).toByteArray());
    }

    private static SshReader reader(String contents) {
        return reader(contents.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "a,", ",a", "a,,b", ",,"})
    void emptyNamesAreRejected(String contents) {
        assertThrows(WireFormatException.class, () -> reader(contents).readNameList());
    }

    @Property(tries = 64)
    void controlBytesAreRejected(@ForAll @IntRange(min = 0, max = 32) int control) {
        byte[] contents = {'a', (byte) control, 'b'};
        assertThrows(WireFormatException.class, () -> reader(contents).readNameList());
    }

    @Property(tries = 129)
    void nonAsciiBytesAreRejected(@ForAll @IntRange(min = 127, max = 255) int high) {
        byte[] contents = {'a', 'b', ',', (byte) high};
        assertThrows(WireFormatException.class, () -> reader(contents).readNameList());
    }

    @Test
    void printableNamesWithAtSignsAndDotsAreAccepted() throws WireFormatException {
        assertEquals(List.of("aes256-gcm@openssh.com", "~!#"), reader("aes256-gcm@openssh.com,~!#").readNameList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a,b", "a b", "caf\u00e9", "tab\t", "del\u007f"})
    void writerRefusesInvalidNames(String bad) {
        // The writer must never produce what the reader would reject.
        List<String> names = bad.equals("") ? List.of("ok", "") : List.of("ok", bad);
        assertThrows(IllegalArgumentException.class, () -> new SshWriter().writeNameList(names));
    }
}
