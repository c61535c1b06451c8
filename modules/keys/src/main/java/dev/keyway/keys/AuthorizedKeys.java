package dev.keyway.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of an {@code authorized_keys} file (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"): one
 * key a line, optionally preceded by options ({@link AuthorizedKeyOptions}); blank lines and
 * lines starting with {@code #} are ignored. A malformed line, or one with an option Keyway
 * does not know or cannot apply yet, becomes a {@link LineProblem} and the other lines still
 * count, as in sshd. {@link AuthorizedKeysAuthenticator} logs users in with them.
 *
 * @param keys the keys in file order
 * @param problems the lines that were skipped
 */
public record AuthorizedKeys(List<AuthorizedKey> keys, List<LineProblem> problems) {

    public AuthorizedKeys {
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
    }

    /** Reads a file as UTF-8. */
    public static AuthorizedKeys read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the text of a file. */
    public static AuthorizedKeys parse(String text) {
        List<AuthorizedKey> keys = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        ContentLines.parse(text, AuthorizedKeys::parseLine, keys, problems);
        return new AuthorizedKeys(keys, problems);
    }

    /**
     * Parses one line. Like sshd, it first reads the line as a bare key and, when that fails,
     * as options followed by a key; the options end at the first space or tab outside double
     * quotes ({@code sshkey_advance_past_options}), and a line whose options Keyway cannot
     * apply fails whole.
     */
    static AuthorizedKey parseLine(int number, String line) throws LineFormatException {
        try {
            return new AuthorizedKey(number, AuthorizedKeyOptions.NONE, OpenSshPublicKey.parse(line));
        } catch (LineFormatException bare) {
            int end = optionsEnd(line);
            if (end <= 0 || end >= line.length()) {
                throw bare;
            }
            OpenSshPublicKey key = OpenSshPublicKey.parse(line.substring(end));
            return new AuthorizedKey(number, AuthorizedKeyOptions.parse(line.substring(0, end)), key);
        }
    }

    private static int optionsEnd(String line) throws LineFormatException {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && LineFields.isBlank(c)) {
                return i;
            }
        }
        if (quoted) {
            throw new LineFormatException("unterminated quote in the options");
        }
        return -1;
    }
}
