package dev.keyway.keys;

/**
 * A key file could not be read or written. The message names the problem, never the key
 * material; {@link #reason()} tells a caller whether asking for a passphrase would help.
 */
public final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the file was not usable. */
    public enum Reason {
        /** Not a key file of a known format, or damaged. */
        MALFORMED,
        /** The key is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** The passphrase did not decrypt the key (PROTOCOL.key's check integers differ). */
        WRONG_PASSPHRASE,
        /** A well-formed file Keyway cannot use yet (a cipher, KDF or key type). */
        UNSUPPORTED
    }

    private final Reason reason;

    public KeyFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KeyFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
