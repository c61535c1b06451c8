package dev.keyway.keys;

import dev.keyway.api.auth.PasswordAuthenticator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Users who may log in with a password (RFC 4252 §8), as {@code keyway server} takes them
 * from {@code --password USER:PASSWORD} and {@code --password-file FILE}. Only a SHA-256 digest of
 * each password is kept, and a password is checked in constant time, also for an unknown user.
 *
 * <p>A password file holds one {@code USER:PASSWORD} a line: the user ends at the first colon,
 * the password is the rest of the line as written (colons and spaces included, a CR before the
 * line feed not). Blank lines and lines whose first non-blank character is {@code #} are
 * skipped. Errors give the file and line number, never the line: it may hold a password.
 */
public final class PasswordTable implements PasswordAuthenticator {
    private static final int DIGEST_LENGTH = 32;

    private final Map<String, byte[]> digests = new HashMap<>();

    /** An empty table: nobody may log in until users are added. */
    public PasswordTable() {
    }

    /**
     * Adds {@code --password}'s {@code USER:PASSWORD}.
     *
     * @throws IllegalArgumentException when it is not of that form or the user has a password already
     */
    public void add(String userAndPassword) {
        int colon = userAndPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--password takes USER:PASSWORD");
        }
        char[] password = userAndPassword.substring(colon + 1).toCharArray();
        try {
            add(userAndPassword.substring(0, colon), password, "--password");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Adds every user of a password file, which must be readable and writable by its owner only
     * ({@link SecretFile}).
     *
     * @throws IOException when the file cannot be read or is open to others
     * @throws IllegalArgumentException when a line is not {@code USER:PASSWORD}, or names a user twice
     */
    public void addFile(Path file) throws IOException {
        char[] text = SecretFile.read(file);
        try {
            int number = 0;
            for (int start = 0; start < text.length; ) {
                int end = start;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                number++;
                addLine(text, start, end > start && text[end - 1] == '\r' ? end - 1 : end, file + ":" + number);
                start = end + 1;
            }
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private void addLine(char[] text, int start, int end, String where) {
        int first = start;
        while (first < end && Character.isWhitespace(text[first])) {
            first++;
        }
        if (first == end || text[first] == '#') {
            return;
        }
        int colon = first;
        while (colon < end && text[colon] != ':') {
            colon++;
        }
        if (colon == first || colon == end) {
            throw new IllegalArgumentException(where + ": not USER:PASSWORD");
        }
        char[] password = Arrays.copyOfRange(text, colon + 1, end);
        try {
            add(new String(text, first, colon - first), password, where);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void add(String user, char[] password, String where) {
        if (password.length == 0) {
            // sshd's PermitEmptyPasswords is no by default; an empty one here is more likely a slip.
            throw new IllegalArgumentException(where + ": the password of " + user + " is empty");
        }
        if (digests.containsKey(user)) {
            throw new IllegalArgumentException(where + ": a second password for " + user);
        }
        digests.put(user, digest(password));
    }

    /** Whether no user has been added. */
    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** Whether {@code password} is {@code user}'s. */
    @Override
    public boolean authenticate(String user, char[] password) {
        byte[] expected = digests.getOrDefault(user, new byte[DIGEST_LENGTH]);
        // The digest is computed for unknown users too, so timing does not tell them apart.
        boolean same = MessageDigest.isEqual(expected, digest(password));
        return same && digests.containsKey(user);
    }

    private static byte[] digest(char[] password) {
        // Room for the longest UTF-8 (3 bytes a char): a growing encoder would drop unwiped copies.
        ByteBuffer encoded = ByteBuffer.allocate(password.length * 3);
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(password), encoded, true);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(encoded.array(), 0, encoded.position());
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } finally {
            Arrays.fill(encoded.array(), (byte) 0);
        }
    }
}
