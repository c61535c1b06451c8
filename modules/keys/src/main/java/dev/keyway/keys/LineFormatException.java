package dev.keyway.keys;

/**
 * A line of an OpenSSH text file (a {@code .pub} file, {@code authorized_keys},
 * {@code known_hosts}) that is not of the documented form. The message says what is wrong,
 * without repeating the line.
 */
public final class LineFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public LineFormatException(String message) {
        super(message);
    }
}
