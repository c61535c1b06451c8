package dev.keyway.keys;

import java.util.List;

/**
 * Walks the lines of an OpenSSH text file ({@code authorized_keys}, {@code known_hosts}) the
 * way sshd(8) reads them: numbered from 1, blank lines and lines starting with {@code #}
 * skipped, and a line that does not parse reported by number while the walk goes on.
 */
final class ContentLines {
    /** Parses one stripped, non-blank, non-comment line. */
    @FunctionalInterface
    interface LineParser<T> {
        T parse(int number, String line) throws LineFormatException;
    }

    private ContentLines() {
    }

    /** Adds what each line parses to to {@code parsed}, and each failure to {@code problems}. */
    static <T> void parse(String text, LineParser<T> parser, List<T> parsed, List<LineProblem> problems) {
        int number = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            number++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            try {
                parsed.add(parser.parse(number, stripped));
            } catch (LineFormatException e) {
                problems.add(new LineProblem(number, e.getMessage()));
            }
        }
    }
}
