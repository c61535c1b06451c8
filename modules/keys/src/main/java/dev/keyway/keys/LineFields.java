package dev.keyway.keys;

/**
 * Splits an OpenSSH file line into fields separated by runs of spaces and tabs, as OpenSSH's
 * readers do ({@code strspn(cp, " \t")}), keeping the rest of the line whole for comments.
 */
final class LineFields {
    private final String line;
    private int pos;

    LineFields(String line) {
        this.line = line;
    }

    /** The next field, or null at the end of the line. */
    String next() {
        skipBlanks();
        if (pos >= line.length()) {
            return null;
        }
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    /** Everything after the fields read so far, stripped; empty when nothing is left. */
    String rest() {
        skipBlanks();
        return line.substring(pos).strip();
    }

    private void skipBlanks() {
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
    }

    /** Refuses text that is more than one line, which no field or comment may span. */
    static void requireOneLine(String line) throws LineFormatException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new LineFormatException("a line break inside the line");
        }
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
