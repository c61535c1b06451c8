package dev.keyway.integration.hostile;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.WireFormatException;
import dev.keyway.connection.OpenFailureReason;
import dev.keyway.transport.TransportEvent;
import java.util.List;

/**
 * What the server answers a crafted input with while the session goes on, mostly a refusal:
 * what a case expects as the server's next reaction, and how it is recognised.
 *
 * @param description the reply as the catalogue names it
 * @param check whether a reaction of the server is this reply
 */
record Reply(String description, Check check) {

    /** Recognises a reaction; the peer knows what it sent (the sequence number, say). */
    @FunctionalInterface
    interface Check {
        boolean test(TransportEvent reaction, HostilePeer peer) throws WireFormatException;
    }

    /** Whether {@code reaction} is this reply; a malformed one is not. */
    boolean matches(TransportEvent reaction, HostilePeer peer) {
        try {
            return check.test(reaction, peer);
        } catch (WireFormatException malformed) {
            return false;
        }
    }

    /** Fails with the description unless {@code reaction} is this reply. */
    void verify(TransportEvent reaction, HostilePeer peer) {
        if (!matches(reaction, peer)) {
            throw new AssertionError("expected " + description + ", got " + peer.describe(reaction));
        }
    }

    /** RFC 4253 §11.4: SSH_MSG_UNIMPLEMENTED naming the sequence number of the packet the peer sent last. */
    static Reply unimplemented() {
        return new Reply("UNIMPLEMENTED naming the packet's sequence number",
                (r, peer) -> r instanceof TransportEvent.UnimplementedReceived u
                        && u.sequenceNumber() == peer.lastSequence());
    }

    /** A message of this number, whatever it holds. */
    static Reply message(int number, String name) {
        return new Reply(name, (r, peer) -> r instanceof TransportEvent.ServiceMessage m && m.messageNumber() == number);
    }

    static Reply channelFailure() {
        return message(Wire.CHANNEL_FAILURE, "CHANNEL_FAILURE");
    }

    static Reply channelSuccess() {
        return message(Wire.CHANNEL_SUCCESS, "CHANNEL_SUCCESS");
    }

    static Reply requestFailure() {
        return message(Wire.REQUEST_FAILURE, "REQUEST_FAILURE");
    }

    /** RFC 4252 §5.1: USERAUTH_FAILURE listing exactly these methods, with this partial success flag. */
    static Reply userAuthFailure(boolean partial, String... methods) {
        return new Reply("USERAUTH_FAILURE " + String.join(",", methods) + (partial ? " (partial success)" : ""),
                (r, peer) -> {
                    if (!(r instanceof TransportEvent.ServiceMessage m) || m.messageNumber() != Wire.USERAUTH_FAILURE) {
                        return false;
                    }
                    SshReader fields = new SshReader(m.payload(), 1, m.payload().length - 1);
                    return fields.readNameList().equals(List.of(methods)) && fields.readBoolean() == partial;
                });
    }

    /** RFC 4254 §5.1: SSH_MSG_CHANNEL_OPEN_FAILURE with this reason code. */
    static Reply openFailure(OpenFailureReason reason) {
        return new Reply("OPEN_FAILURE " + reason, (r, peer) -> r instanceof TransportEvent.ServiceMessage m
                && m.messageNumber() == Wire.CHANNEL_OPEN_FAILURE && HostilePeer.uint32(m.payload(), 5) == reason.code());
    }
}
