package dev.keyway.transport.internal;

/** Transport-layer message numbers (RFC 4250 §4.1.2, RFC 8308 §2.3). */
public final class MessageNumbers {
    public static final int DISCONNECT = 1;
    public static final int IGNORE = 2;
    public static final int UNIMPLEMENTED = 3;
    public static final int DEBUG = 4;
    public static final int SERVICE_REQUEST = 5;
    public static final int SERVICE_ACCEPT = 6;
    public static final int EXT_INFO = 7;
    public static final int KEXINIT = 20;
    public static final int NEWKEYS = 21;
    public static final int KEX_ECDH_INIT = 30;
    public static final int KEX_ECDH_REPLY = 31;
    /** First number of the key exchange methods' range, 30 to 49 (RFC 4251 §7). */
    public static final int FIRST_KEX_METHOD_NUMBER = 30;
    /** SSH_MSG_USERAUTH_SUCCESS (RFC 4252 §5.1): the transport watches it pass. */
    public static final int USERAUTH_SUCCESS = 52;
    /** First number of the ranges above the transport layer (RFC 4251 §7). */
    public static final int FIRST_SERVICE_NUMBER = 50;
    /** First number of the connection protocol's range (RFC 4251 §7): user authentication is 50 to 79. */
    private static final int FIRST_CONNECTION_NUMBER = 80;

    private MessageNumbers() {
    }

    /** Whether a message belongs to a layer above the transport and is handed up. */
    public static boolean isServiceMessage(int number) {
        return number == SERVICE_REQUEST || number == SERVICE_ACCEPT || number >= FIRST_SERVICE_NUMBER;
    }

    /** Whether a message is one of user authentication's (RFC 4252), which may carry a password. */
    public static boolean isUserAuth(int number) {
        return number >= FIRST_SERVICE_NUMBER && number < FIRST_CONNECTION_NUMBER;
    }

    /** A name for traces: the RFC's name for transport messages, the number otherwise. */
    public static String nameOf(int number) {
        switch (number) {
            case DISCONNECT: return "SSH_MSG_DISCONNECT";
            case IGNORE: return "SSH_MSG_IGNORE";
            case UNIMPLEMENTED: return "SSH_MSG_UNIMPLEMENTED";
            case DEBUG: return "SSH_MSG_DEBUG";
            case SERVICE_REQUEST: return "SSH_MSG_SERVICE_REQUEST";
            case SERVICE_ACCEPT: return "SSH_MSG_SERVICE_ACCEPT";
            case EXT_INFO: return "SSH_MSG_EXT_INFO";
            case KEXINIT: return "SSH_MSG_KEXINIT";
            case NEWKEYS: return "SSH_MSG_NEWKEYS";
            case KEX_ECDH_INIT: return "SSH_MSG_KEX_ECDH_INIT";
            case KEX_ECDH_REPLY: return "SSH_MSG_KEX_ECDH_REPLY";
            default: return "message " + number;
        }
    }
}
