package dev.keyway.userauth.internal;

/** The generic user authentication message numbers (RFC 4252 §6, RFC 4250 §4.1.2). */
public final class MessageNumbers {
    public static final int USERAUTH_REQUEST = 50;
    public static final int USERAUTH_FAILURE = 51;
    public static final int USERAUTH_SUCCESS = 52;
    public static final int USERAUTH_BANNER = 53;
    /** First and last of the numbers a method may use for its own messages. */
    public static final int FIRST_METHOD_SPECIFIC = 60;
    public static final int LAST_METHOD_SPECIFIC = 79;

    private MessageNumbers() {
    }

    public static boolean isMethodSpecific(int type) {
        return type >= FIRST_METHOD_SPECIFIC && type <= LAST_METHOD_SPECIFIC;
    }
}
