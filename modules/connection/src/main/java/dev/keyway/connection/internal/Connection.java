package dev.keyway.connection.internal;

import dev.keyway.api.MessageSender;
import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.connection.ConnectionEvent;
import dev.keyway.connection.OpenFailureReason;
import dev.keyway.connection.internal.ConnectionMessage.*;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The engine behind {@code ConnectionEngine}: the owner's operations on channels. What the
 * peer sends is handled by {@link Inbound}. Misuse by the local caller is an
 * {@link IllegalStateException}; the peer's mistakes never are.
 */
public final class Connection {
    final boolean client;
    final ConnectionConfig config;
    final ChannelTable table = new ChannelTable();
    final ArrayDeque<ConnectionEvent> events = new ArrayDeque<>();
    /** Names of this side's global requests that wait for the peer's reply, oldest first (RFC 4254 §4). */
    final ArrayDeque<String> awaitingGlobalReplies = new ArrayDeque<>();
    private final MessageSender out;
    private final Inbound inbound = new Inbound(this);

    public Connection(boolean client, ConnectionConfig config, MessageSender out) {
        this.client = client;
        this.config = Objects.requireNonNull(config, "config");
        this.out = Objects.requireNonNull(out, "out");
    }

    public void receive(byte[] buf, int off, int len) throws SshProtocolException {
        inbound.handle(MessageParser.parse(buf, off, len));
    }

    public ConnectionEvent pollEvent() {
        ConnectionEvent e = events.poll();
        // Only now may the id name another channel: the owner has seen this one end.
        if (e instanceof ConnectionEvent.ChannelClosed c) {
            table.free(c.channel());
        } else if (e instanceof ConnectionEvent.ChannelOpenFailed f) {
            table.free(f.channel());
        }
        return e;
    }

    public int openChannel(String type, byte[] typeData) {
        if (table.count() >= config.maxChannels()) {
            throw new IllegalStateException("already " + table.count() + " channels, the configured maximum");
        }
        Channel c = table.add(type, ChannelState.OPENING);
        c.localWindow = new LocalWindow(config.initialWindow(), config.maxPacket());
        send(new ChannelOpen(type, c.id, config.initialWindow(), config.maxPacket(), typeData.clone()));
        return c.id;
    }

    public void acceptOpen(int id) {
        Channel c = inState(id, ChannelState.AWAITING_DECISION);
        c.state = ChannelState.OPEN;
        send(new OpenConfirmation(c.peerId, c.id, config.initialWindow(), config.maxPacket(), new byte[0]));
    }

    public void rejectOpen(int id, OpenFailureReason reason, String description) {
        Channel c = inState(id, ChannelState.AWAITING_DECISION);
        table.free(c.id);
        send(new OpenFailure(c.peerId, reason.code(), description, ""));
    }

    /** {@code dataType} null for CHANNEL_DATA. */
    public int write(int id, Integer dataType, byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        Channel c = inState(id, ChannelState.OPEN, ChannelState.CLOSED);
        if (c.eofSent) {
            throw new IllegalStateException("write after EOF on " + c);
        }
        if (c.closedByPeer) {
            return 0; // RFC 4254 §5.3: nothing more may be sent; the owner learns it from ChannelClosed
        }
        if (c.closeSent) {
            throw new IllegalStateException("write after close on " + c);
        }
        int total = c.peerWindow.allowance(len);
        for (int sent = 0; sent < total; ) {
            int n = Math.min(total - sent, c.peerWindow.maxPacket());
            out.send(Data.payload(c.peerId, dataType, buf, off + sent, n));
            sent += n;
        }
        c.peerWindow.spend(total);
        return total;
    }

    public long peerWindow(int id) {
        Channel c = inState(id, ChannelState.OPEN, ChannelState.CLOSED);
        return c.closeSent ? 0 : c.peerWindow.window();
    }

    public void consumed(int id, long n) {
        Channel c = existing(id);
        if (c.state != ChannelState.OPEN) {
            return; // the channel is gone: no window to reopen
        }
        long adjust = c.localWindow.consume(n);
        if (adjust > 0 && !c.closeSent && !c.eofReceived) {
            send(new WindowAdjust(c.peerId, adjust));
        }
    }

    public void sendEof(int id) {
        Channel c = inState(id, ChannelState.OPEN, ChannelState.CLOSED);
        if (c.eofSent || (c.closeSent && !c.closedByPeer)) {
            throw new IllegalStateException("EOF after EOF or close on " + c);
        }
        if (!c.closeSent) {
            c.eofSent = true;
            send(new Eof(c.peerId));
        }
    }

    public void close(int id) {
        Channel c = inState(id, ChannelState.OPEN, ChannelState.CLOSED);
        if (!c.closeSent) {
            c.closeSent = true;
            send(new Close(c.peerId));
        }
    }

    public void sendRequest(int id, ChannelRequest request, boolean wantReply) {
        Channel c = inState(id, ChannelState.OPEN, ChannelState.CLOSED);
        if (c.closedByPeer) {
            return; // too late, and harmless: ChannelClosed follows, no reply will
        }
        if (c.closeSent) {
            throw new IllegalStateException("request after close on " + c);
        }
        if (wantReply) {
            c.awaitingReplies.add(request.type());
        }
        send(new Request(c.peerId, request.type(), wantReply, RequestCodec.encode(request)));
    }

    public void sendGlobalRequest(String name, boolean wantReply, byte[] data) {
        if (wantReply) {
            awaitingGlobalReplies.add(name);
        }
        send(new GlobalRequest(name, wantReply, data.clone()));
    }

    public void replyToRequest(int id, boolean success) {
        Channel c = existing(id);
        if (c.state == ChannelState.OPEN && !c.closeSent) {
            c.replies.decide(success);
            sendReplies(c);
        }
    }

    /** Sends the replies whose turn has come (RFC 4254 §5.4: in the order of the requests). */
    void sendReplies(Channel c) {
        c.replies.drain(success -> send(new RequestReply(c.peerId, success)));
    }

    void send(ConnectionMessage m) {
        out.send(m.toPayload());
    }

    private Channel existing(int id) {
        Channel c = table.get(id);
        if (c == null) {
            throw new IllegalStateException("no channel " + id);
        }
        return c;
    }

    private Channel inState(int id, ChannelState... allowed) {
        Channel c = existing(id);
        for (ChannelState s : allowed) {
            if (c.state == s) {
                return c;
            }
        }
        throw new IllegalStateException("not allowed on " + c);
    }
}
