package dev.keyway.ssh.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;

/**
 * The message numbers a session routes by (RFC 4250 §4.1.2): 5 and 6 are the service request
 * and accept of RFC 4253 §10, 50 to 79 belong to user authentication, 80 to 127 to the
 * connection protocol.
 */
final class ServiceMessages {
    static final int SERVICE_REQUEST = 5;
    static final int SERVICE_ACCEPT = 6;
    static final String USERAUTH = "ssh-userauth";

    private ServiceMessages() {
    }

    /** Whether some layer of a session defines the number: 5, 6, and 50 to 127. */
    static boolean isKnown(int type) {
        return type == SERVICE_REQUEST || type == SERVICE_ACCEPT || isUserAuth(type) || isConnection(type);
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
