package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.DisconnectReason;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 4251 §5 strings that carry text are ISO-10646 UTF-8; malformed sequences must be
 * refused rather than replaced, or two different byte strings would read as one text.
 */
class Utf8StringValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "c0 80",       // overlong NUL (Java's "modified UTF-8")
        "e0 80 af",    // overlong '/'
        "ed a0 80",    // a UTF-16 surrogate encoded on its own (CESU-8)
        "f4 90 80 80", // above U+10FFFF
        "ff",          // never valid
        "e2 82",       // truncated sequence
        "80",          // continuation byte first
    })
    void malformedSequencesAreRejected(String hex) {
        byte[] contents = HexFormat.of().parseHex(hex.replace(" ", ""));
        byte[] input = new SshWriter().writeString(contents).toByteArray();
        WireFormatException e = assertThrows(WireFormatException.class, () -> new SshReader(input).readUtf8());
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    @Property(tries = 500)
    void acceptedTextReEncodesToTheSameBytes(@ForAll @Size(max = 12) byte[] contents) {
        byte[] input = new SshWriter().writeString(contents).toByteArray();
        String text;
        try {
            text = new SshReader(input).readUtf8();
        } catch (WireFormatException rejected) {
            return;
        }
        assertArrayEquals(contents, text.getBytes(StandardCharsets.UTF_8));
    }
}
