package dev.keyway.integration.openssh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A secret a test looks for in text, with the ways it could be written there: as it stands,
 * in hex (either case), in base64 (with and without padding, and URL-safe), as Java prints a
 * byte array, as bytes read as Latin-1 characters, and for a number in decimal too.
 *
 * @param name what the secret is, for the failure message (never the secret itself)
 * @param forms the texts that would give it away
 */
record Secret(String name, List<String> forms) {

    /** A password or an answer: the text itself, and its UTF-8 bytes written any of the ways above. */
    static Secret text(String name, String value) {
        List<String> forms = new ArrayList<>(List.of(value));
        forms.addAll(encodings(value.getBytes(StandardCharsets.UTF_8)));
        return new Secret(name, forms);
    }

    static Secret bytes(String name, byte[] value) {
        return new Secret(name, encodings(value));
    }

    /** A number such as a private scalar or exponent: its unsigned big-endian bytes, and its decimal and hex. */
    static Secret number(String name, BigInteger value) {
        List<String> forms = encodings(unsigned(value));
        forms.add(value.toString());
        forms.add(value.toString(16));
        return new Secret(name, forms);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] b = value.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static List<String> encodings(byte[] b) {
        HexFormat hex = HexFormat.of();
        List<String> forms = new ArrayList<>(List.of(hex.formatHex(b), hex.withUpperCase().formatHex(b),
                Base64.getEncoder().encodeToString(b), Base64.getEncoder().withoutPadding().encodeToString(b),
                Base64.getUrlEncoder().withoutPadding().encodeToString(b), Arrays.toString(b),
                new String(b, StandardCharsets.ISO_8859_1)));
        forms.removeIf(String::isEmpty);
        return forms;
    }

    /** Which form of it the text gives away, if any. */
    Optional<String> foundIn(String text) {
        return forms.stream().filter(text::contains).findFirst();
    }
}
