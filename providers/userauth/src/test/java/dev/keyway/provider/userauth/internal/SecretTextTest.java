package dev.keyway.provider.userauth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.keyway.api.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Passwords and answers as UTF-8 without a String (RFC 4252 §8, RFC 4256 §3.4): the same bytes
 * the JDK makes of the same text, for any text, including characters of four UTF-8 bytes and
 * unpaired surrogates (replaced, as the JDK replaces them), whose worst case sizes the buffer.
 */
class SecretTextTest {

    @Property
    void encodesAsTheJdkDoes(@ForAll String text) {
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), SecretText.encode(text.toCharArray()));
    }

    @Property
    void decodesWhatItEncodes(@ForAll String text) throws WireFormatException {
        String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertArrayEquals(wellFormed.toCharArray(), SecretText.decode(SecretText.encode(wellFormed.toCharArray())));
    }
}
