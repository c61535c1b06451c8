package dev.keyway.cli;

import java.nio.charset.StandardCharsets;

/**
 * Text a server chose, made safe to write to the user's terminal. RFC 4251 §9.2 asks clients to
 * replace control characters in what they display with safe sequences, so that a server cannot
 * drive the terminal (retitle the window, move the cursor, rewrite what was shown, answer back);
 * RFC 4252 §5.4 asks it for the banner and RFC 4256 §3.3 for keyboard-interactive prompts.
 *
 * <p>Like OpenSSH's {@code utf8.c} ({@code vasnmprintf}), each character that is not printable
 * becomes the bytes of its UTF-8 encoding written as backslash and three octal digits, as
 * vis(3) does: ESC is {@code \033}, the C1 control CSI (U+009B) {@code \302\233}. Not printable
 * here means a C0 or C1 control or DEL (Unicode category Cc), a format character (Cf: the bidi
 * overrides and isolates that reorder a line, invisible tags, zero-width spaces; all but the
 * zero-width joiner and non-joiner, which emoji and several scripts need), a line or paragraph
 * separator, a surrogate or an unassigned code point. OpenSSH lets the format characters
 * through, since {@code wcwidth} gives them width 0; they are escaped here because a bidi
 * override can show a line in another order than the one it has.
 *
 * <p>Text that spans lines (a banner, a prompt) keeps line feeds and tabs, and a carriage
 * return right before a line feed; a lone carriage return would let a line overwrite the one
 * shown before, so it is escaped. Everything else is one line, line breaks escaped too.
 */
final class TerminalText {
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TerminalText() {
    }

    /** One line: every character that is not printable escaped, line breaks included. */
    static String line(String text) {
        return escape(text, false);
    }

    /** Text of several lines: line feeds, tabs and CR LF kept, the rest escaped as {@link #line}. */
    static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean multiline) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean lineBreak = c == '\n' || c == '\t' || c == '\r' && next < text.length() && text.charAt(next) == '\n';
            if (multiline && lineBreak || printable(c)) {
                b.appendCodePoint(c);
            } else {
                octal(b, c);
            }
            i = next;
        }
        return b.toString();
    }

    private static boolean printable(int c) {
        if (c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    /** vis(3)'s octal form of each byte of the character's UTF-8 encoding. */
    private static void octal(StringBuilder b, int c) {
        // A lone surrogate has no UTF-8 form; the encoder writes '?' for it, shown as \077.
        for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
            int v = x & 0xff;
            b.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + (v >> 3 & 7))).append((char) ('0' + (v & 7)));
        }
    }
}
