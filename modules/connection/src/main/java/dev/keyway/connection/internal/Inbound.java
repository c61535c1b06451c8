package dev.keyway.connection.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ConnectionEvent.*;
import dev.keyway.connection.OpenFailureReason;
import dev.keyway.connection.internal.ConnectionMessage.*;

/**
 * What the engine does with each message from the peer (RFC 4254). Anything the peer may not
 * send in the channel's state is a PROTOCOL_ERROR: RFC 4253 §11.1 has no closer reason, and
 * flow control violations included, OpenSSH treats them as fatal too.
 */
final class Inbound {
    private final Connection conn;

    Inbound(Connection conn) {
        this.conn = conn;
    }

    void handle(ConnectionMessage m) throws SshProtocolException {
        if (m instanceof GlobalRequest g) {
            onGlobalRequest(g);
        } else if (m instanceof GlobalReply r) {
            String name = conn.awaitingGlobalReplies.poll();
            if (name == null) {
                throw error("global request reply, but no global request waits for one");
            }
            conn.events.add(new GlobalRequestReplied(name, r.success()));
        } else if (m instanceof ChannelOpen o) {
            onOpen(o);
        } else if (m instanceof OpenConfirmation c) {
            onConfirmation(c);
        } else if (m instanceof OpenFailure f) {
            Channel c = opening(f.recipient());
            c.state = ChannelState.FAILED;
            conn.events.add(new ChannelOpenFailed(c.id, f.reasonCode(), f.description()));
        } else {
            onChannelMessage((Addressed) m);
        }
    }

    /** RFC 4254 §4: Keyway offers no global requests, so every one is refused, if asked. */
    private void onGlobalRequest(GlobalRequest g) {
        if (g.wantReply()) {
            conn.send(new GlobalReply(false, new byte[0]));
        }
        conn.events.add(new GlobalRequestRefused(g.name(), g.wantReply()));
    }

    private void onOpen(ChannelOpen o) throws SshProtocolException {
        if (o.maxPacket() == 0) {
            // Nothing could ever be sent on it; RFC 4254 §5.1 gives no meaning to zero.
            throw error("channel open with a maximum packet size of 0");
        }
        if (!conn.config.acceptedChannelTypes().contains(o.type())) {
            refuse(o, OpenFailureReason.UNKNOWN_CHANNEL_TYPE, "unknown channel type");
        } else if (conn.table.count() >= conn.config.maxChannels()) {
            refuse(o, OpenFailureReason.RESOURCE_SHORTAGE, "too many channels");
        } else {
            Channel c = conn.table.add(o.type(), ChannelState.AWAITING_DECISION);
            c.peerId = o.sender();
            c.peerWindow = new PeerWindow(o.window(), Math.min(o.maxPacket(), conn.config.sendLimit()));
            c.localWindow = new LocalWindow(conn.config.initialWindow(), conn.config.maxPacket());
            conn.events.add(new ChannelOpenRequested(c.id, o.type(), o.data()));
        }
    }

    private void refuse(ChannelOpen o, OpenFailureReason reason, String description) {
        conn.send(new OpenFailure(o.sender(), reason.code(), description, ""));
        conn.events.add(new ChannelOpenRefused(o.type(), reason));
    }

    private void onConfirmation(OpenConfirmation m) throws SshProtocolException {
        Channel c = opening(m.recipient());
        if (m.maxPacket() == 0) {
            throw error("open confirmation with a maximum packet size of 0");
        }
        c.peerId = m.sender();
        c.peerWindow = new PeerWindow(m.window(), Math.min(m.maxPacket(), conn.config.sendLimit()));
        c.state = ChannelState.OPEN;
        conn.events.add(new ChannelOpened(c.id));
    }

    private Channel opening(int recipient) throws SshProtocolException {
        Channel c = conn.table.get(recipient);
        if (c == null || c.state != ChannelState.OPENING) {
            throw error("open reply for channel " + Integer.toUnsignedString(recipient) + ", which is not opening");
        }
        return c;
    }

    private void onChannelMessage(Addressed m) throws SshProtocolException {
        Channel c = conn.table.get(m.recipient());
        if (c == null) {
            throw error("message for unknown channel " + Integer.toUnsignedString(m.recipient()));
        }
        if (c.state != ChannelState.OPEN) {
            throw error("message for " + c);
        }
        if (c.closeSent && !(m instanceof Close)) {
            return; // RFC 4254 §5.3: it crossed this side's CLOSE; nothing more will be answered
        }
        if (m instanceof WindowAdjust w) {
            c.peerWindow.adjust(w.bytes());
            conn.events.add(new WindowAdjusted(c.id, c.peerWindow.window()));
        } else if (m instanceof Data d) {
            onData(c, d);
        } else if (m instanceof Eof) {
            if (c.eofReceived) {
                throw error("second EOF on " + c);
            }
            c.eofReceived = true;
            conn.events.add(new ChannelEof(c.id));
        } else if (m instanceof Close) {
            onClose(c);
        } else if (m instanceof Request r) {
            onRequest(c, r);
        } else if (m instanceof RequestReply r) {
            String type = c.awaitingReplies.poll();
            if (type == null) {
                throw error("request reply on " + c + ", which has no request waiting");
            }
            conn.events.add(new ChannelRequestReplied(c.id, type, r.success()));
        }
    }

    private void onData(Channel c, Data d) throws SshProtocolException {
        if (c.eofReceived) {
            throw error("data after EOF on " + c);
        }
        c.localWindow.receive(d.data().length);
        conn.events.add(d.dataType() == null
                ? new ChannelData(c.id, d.data())
                : new ChannelExtendedData(c.id, d.dataType(), d.data()));
    }

    /** RFC 4254 §5.3: answer a CLOSE with one unless this side sent it already. */
    private void onClose(Channel c) {
        c.closeReceived = true;
        if (!c.closeSent) {
            c.closeSent = true;
            c.closedByPeer = true;
            conn.send(new Close(c.peerId));
        }
        c.state = ChannelState.CLOSED;
        conn.events.add(new ChannelClosed(c.id));
    }

    /**
     * RFC 4254 §5.4: a request this side does not act on (unknown type, or one meant for the
     * other side) gets SSH_MSG_CHANNEL_FAILURE when the peer wants a reply.
     */
    private void onRequest(Channel c, Request r) throws SshProtocolException {
        ChannelRequest request = RequestCodec.parse(r.type(), r.data());
        if (r.wantReply() && c.replies.size() >= conn.config.maxPendingRequests()) {
            // A peer that asks without waiting for answers cannot make this side keep a backlog.
            throw error("more than " + conn.config.maxPendingRequests() + " requests wait for replies on " + c);
        }
        if (RequestCodec.addressedTo(conn.client, request)) {
            if (r.wantReply()) {
                c.replies.addUndecided();
            }
            conn.events.add(new ChannelRequestReceived(c.id, request, r.wantReply()));
        } else if (r.wantReply()) {
            c.replies.addDecided(false);
            conn.sendReplies(c);
        }
    }

    private static SshProtocolException error(String message) {
        return new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, message);
    }
}
