package dev.keyway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TerminalText} against what a terminal would act on: known answers in OpenSSH's octal
 * form, every Unicode code point one by one, and random mixes of hostile and harmless text.
 */
class TerminalTextTest {
    /** What a server may try, with text a user wants to see as it is. */
    private static final String[] PIECES = {"\u001b", "]0;owned\u0007", "\u001b[2J", "\r", "\n", "\r\n", "\t",
        "\u009b", "\u0085", "\u007f", "\u202e", "\u2066", "\u200f", "\ufeff", "\u2028", "\udb40\udc41", "\ud800",
        "\udc00", "plain ASCII ", "Grüße ", "日本語", "👩\u200d💻", "\\033", "?"};

    @Test
    void controlsBecomeOctalBytesAsInOpenSsh() {
        assertEquals("\\033]0;owned\\007", TerminalText.line("\u001b]0;owned\u0007"));
        assertEquals("\\033[31mred", TerminalText.lines("\u001b[31mred"));
        assertEquals("\\302\\233", TerminalText.line("\u009b"), "C1 CSI, two bytes in UTF-8");
        assertEquals("\\342\\200\\256evil", TerminalText.line("\u202eevil"), "a bidi override");
        assertEquals("\\363\\240\\201\\201", TerminalText.line("\udb40\udc41"), "an invisible tag character");
        assertEquals("\\177\\000", TerminalText.line("\u007f\u0000"));
    }

    @Test
    void severalLinesKeepTheirBreaksButNotALoneCarriageReturn() {
        assertEquals("one\r\ntwo\n\tthree", TerminalText.lines("one\r\ntwo\n\tthree"));
        assertEquals("shown\\015hidden", TerminalText.lines("shown\rhidden"));
        assertEquals("end\\015", TerminalText.lines("end\r"));
        assertEquals("one\\015\\012two\\011", TerminalText.line("one\r\ntwo\t"));
    }

    @Test
    void printableTextIsLeftAsItIs() {
        String text = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3 \\n \"quoted\" Grüße 日本語 👩\u200d💻 \u0915\u094d\u200d";
        assertEquals(text, TerminalText.line(text));
        assertEquals(text, TerminalText.lines(text));
    }

    /**
     * Each code point alone is either kept, if a terminal only draws it, or replaced by the
     * octal bytes of its UTF-8 encoding, which decode back to it.
     */
    @Test
    void everyCodePointIsKeptOrEscapedToItsOwnBytes() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.getType(c) == Character.SURROGATE) {
                continue;
            }
            String one = new String(Character.toChars(c));
            String shown = TerminalText.line(one);
            if (shown.equals(one)) {
                assertTrue(harmless(c), () -> "kept but not harmless: U+" + Integer.toHexString(one.codePointAt(0)));
            } else {
                assertTrue(!harmless(c) && one.equals(unescape(shown)),
                        () -> "U+" + Integer.toHexString(one.codePointAt(0)) + " shown as " + shown);
            }
        }
    }

    @Test
    void randomMixesReachTheTerminalWithoutAnythingItWouldActOn() {
        Random random = new Random(4251);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            assertSafe(TerminalText.line(text), false, text);
            assertSafe(TerminalText.lines(text), true, text);
        }
    }

    /** No character a terminal would act on; in text of several lines, LF, tab and CR LF only. */
    private static void assertSafe(String shown, boolean multiline, String from) {
        for (int i = 0; i < shown.length(); ) {
            int c = shown.codePointAt(i);
            boolean lineBreak = multiline && (c == '\n' || c == '\t'
                    || c == '\r' && i + 1 < shown.length() && shown.charAt(i + 1) == '\n');
            int at = i;
            assertTrue(lineBreak || harmless(c), () -> "U+" + Integer.toHexString(c) + " at " + at + " of "
                    + TerminalText.line(shown) + " from " + TerminalText.line(from));
            i += Character.charCount(c);
        }
    }

    /** What a terminal only draws: not a control, format, separator, surrogate or unassigned character. */
    private static boolean harmless(int c) {
        if (c == 0x200C || c == 0x200D) {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.UNASSIGNED;
    }

    /** Reads back a run of {@code \ooo} as UTF-8. */
    private static String unescape(String octal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < octal.length(); i += 4) {
            assertEquals('\\', octal.charAt(i), octal);
            bytes.write(Integer.parseInt(octal.substring(i + 1, i + 4), 8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
