package dev.keyway.ssh.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;

/**
 * The message numbers a session routes by (RFC 4250 §4.1.2): 5 and 6 are the service request
 * and accept of RFC 4253 §10, 50 to 79 belong to user authentication, 80 to 127 to the
 * connection protocol. Within those ranges only the assigned numbers are known; the ones the
 * RFCs keep in reserve are as unknown as those of 128 and up.
 */
final class ServiceMessages {
    static final int SERVICE_REQUEST = 5;
    static final int SERVICE_ACCEPT = 6;
    static final String USERAUTH = "ssh-userauth";
    /** SSH_MSG_USERAUTH_BANNER, the last generic user authentication message RFC 4252 assigns. */
    private static final int LAST_USERAUTH_GENERIC = 53;
    /** The first number a user authentication method may use for its own messages (RFC 4252 §6). */
    private static final int FIRST_USERAUTH_METHOD = 60;
    /** SSH_MSG_CHANNEL_FAILURE, the last number RFC 4254 assigns. */
    private static final int LAST_CONNECTION = 100;

    private ServiceMessages() {
    }

    /**
     * Whether some layer of a session defines the number: 5 and 6; 50 to 53 and the methods'
     * 60 to 79 (RFC 4252 §6); 80 to 100 (RFC 4254 §9). Nobody here recognises the others, 54 to
     * 59 and 101 to 127 included, so they get SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4).
     */
    static boolean isKnown(int type) {
        return type == SERVICE_REQUEST || type == SERVICE_ACCEPT
                || isUserAuth(type) && (type <= LAST_USERAUTH_GENERIC || type >= FIRST_USERAUTH_METHOD)
                || isConnection(type) && type <= LAST_CONNECTION;
    }

    static boolean isUserAuth(int type) {
        return type >= 50 && type <= 79;
    }

    static boolean isConnection(int type) {
        return type >= 80 && type <= 127;
    }

    /** SERVICE_REQUEST or SERVICE_ACCEPT with its service name. */
    static byte[] encode(int type, String service) {
        return new SshWriter().writeByte(type).writeUtf8(service).toByteArray();
    }

    /** The service name of a SERVICE_REQUEST or SERVICE_ACCEPT at {@code buf[off, off+len)}. */
    static String serviceName(byte[] buf, int off, int len) throws SshProtocolException {
        SshReader r = new SshReader(buf, off + 1, len - 1);
        String name = r.readUtf8();
        r.expectEnd();
        return name;
    }
}
