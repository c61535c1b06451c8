package dev.keyway.provider.userauth.internal;

/**
 * The message numbers the methods use (RFC 4250 §4.1.2): 60 to 79 are method-specific, so 60
 * is PK_OK for {@code publickey}, PASSWD_CHANGEREQ for {@code password} and INFO_REQUEST for
 * {@code keyboard-interactive}.
 */
final class MethodMessages {
    /** SSH_MSG_USERAUTH_REQUEST, which a publickey signature covers (RFC 4252 §7). */
    static final int USERAUTH_REQUEST = 50;
    /** SSH_MSG_USERAUTH_PK_OK (RFC 4252 §7). */
    static final int PK_OK = 60;
    /** SSH_MSG_USERAUTH_PASSWD_CHANGEREQ (RFC 4252 §8). */
    static final int PASSWD_CHANGEREQ = 60;
    /** SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 §3.2). */
    static final int INFO_REQUEST = 60;
    /** SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 §3.4). */
    static final int INFO_RESPONSE = 61;

    private MethodMessages() {
    }
}
