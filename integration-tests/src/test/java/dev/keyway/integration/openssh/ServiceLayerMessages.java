package dev.keyway.integration.openssh;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;
import java.util.List;

/**
 * The few messages above the transport that the interop tests exchange, so that the peer
 * proves it opened our packets under the keys in force: service request and accept (RFC 4253
 * §10), the first user authentication round (RFC 4252 §5) and a global request that needs
 * a reply (RFC 4254 §4); and, for a hostile client written by hand, a password login (RFC 4252
 * §8) and a session channel that runs a command (RFC 4254 §5.1, §6.5).
 */
final class ServiceLayerMessages {
    static final int SERVICE_REQUEST = 5;
    static final int SERVICE_ACCEPT = 6;
    static final int USERAUTH_REQUEST = 50;
    static final int USERAUTH_FAILURE = 51;
    static final int USERAUTH_SUCCESS = 52;
    static final int GLOBAL_REQUEST = 80;
    static final int REQUEST_FAILURE = 82;
    static final int CHANNEL_OPEN = 90;
    static final int CHANNEL_OPEN_CONFIRMATION = 91;
    static final int CHANNEL_DATA = 94;
    static final int CHANNEL_CLOSE = 97;
    static final int CHANNEL_REQUEST = 98;
    static final String USERAUTH = "ssh-userauth";

    private ServiceLayerMessages() {
    }

    static byte[] serviceRequest(String service) {
        return new SshWriter().writeByte(SERVICE_REQUEST).writeUtf8(service).toByteArray();
    }

    static byte[] serviceAccept(String service) {
        return new SshWriter().writeByte(SERVICE_ACCEPT).writeUtf8(service).toByteArray();
    }

    /** The service name of a SERVICE_REQUEST or SERVICE_ACCEPT. */
    static String serviceName(byte[] payload) throws WireFormatException {
        SshReader r = new SshReader(payload, 1, payload.length - 1);
        String name = r.readUtf8();
        r.expectEnd();
        return name;
    }

    /** The "none" method request (RFC 4252 §5.2), which a server answers with the methods it allows. */
    static byte[] userAuthNone(String user) {
        return new SshWriter().writeByte(USERAUTH_REQUEST).writeUtf8(user).writeUtf8("ssh-connection")
                .writeUtf8("none").toByteArray();
    }

    /** The "password" method request (RFC 4252 §8). */
    static byte[] userAuthPassword(String user, String password) {
        return new SshWriter().writeByte(USERAUTH_REQUEST).writeUtf8(user).writeUtf8("ssh-connection")
                .writeUtf8("password").writeBoolean(false).writeUtf8(password).toByteArray();
    }

    /** SSH_MSG_USERAUTH_FAILURE (RFC 4252 §5.1): the methods that can continue, no partial success. */
    static byte[] userAuthFailure(List<String> methods) {
        return new SshWriter().writeByte(USERAUTH_FAILURE).writeNameList(methods).writeBoolean(false).toByteArray();
    }

    /** The methods a USERAUTH_FAILURE lists. */
    static List<String> failureMethods(byte[] payload) throws WireFormatException {
        SshReader r = new SshReader(payload, 1, payload.length - 1);
        List<String> methods = r.readNameList();
        r.readBoolean();
        r.expectEnd();
        return methods;
    }

    /** SSH_MSG_GLOBAL_REQUEST (RFC 4254 §4) for a name no server knows, so the reply is REQUEST_FAILURE. */
    static byte[] unknownGlobalRequest() {
        return new SshWriter().writeByte(GLOBAL_REQUEST).writeUtf8("keyway-interop-probe@keyway.dev")
                .writeBoolean(true).toByteArray();
    }

    /**
     * SSH_MSG_CHANNEL_OPEN "session" (RFC 4254 §6.1) with the window and maximum packet size
     * (§5.1) this side announces, any uint32 (up to 2^32-1).
     */
    static byte[] channelOpenSession(int channel, long window, long maxPacket) {
        return new SshWriter().writeByte(CHANNEL_OPEN).writeUtf8("session").writeUint32(channel)
                .writeUint32(window).writeUint32(maxPacket).toByteArray();
    }

    /** SSH_MSG_CHANNEL_REQUEST "exec" (RFC 4254 §6.5), no reply wanted. */
    static byte[] exec(int recipient, String command) {
        return new SshWriter().writeByte(CHANNEL_REQUEST).writeUint32(recipient).writeUtf8("exec")
                .writeBoolean(false).writeUtf8(command).toByteArray();
    }

    /** SSH_MSG_CHANNEL_CLOSE (RFC 4254 §5.3). */
    static byte[] channelClose(int recipient) {
        return new SshWriter().writeByte(CHANNEL_CLOSE).writeUint32(recipient).toByteArray();
    }
}
