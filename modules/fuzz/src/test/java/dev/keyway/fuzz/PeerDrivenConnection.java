package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.connection.ConnectionConfig;
import dev.keyway.connection.ConnectionEngine;
import dev.keyway.connection.ConnectionEvent;
import dev.keyway.connection.OpenFailureReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ConnectionEngine} whose peer is the fuzzer, and an owner that keeps the engine's
 * rules while acting on what it reports. Each message comes with a byte that steers the owner:
 * bit 0 accepts a channel the peer opens, bit 1 consumes data (so the window reopens), bit 2
 * answers requests with success, bit 3 writes {@code 97 * (bits 4-5)} bytes on every open
 * channel, bit 6 sends EOF and bit 7 closes the first open channel. Checked throughout:
 * <ul>
 * <li>{@code receive} throws only {@link SshProtocolException}; the owner's calls never throw;
 * <li>the peer gets no more data on a channel than the window this side granted, initially
 *     and by WINDOW_ADJUST, and no message larger than this side's maximum packet
 *     (RFC 4254 §5.2);
 * <li>this side writes no more than the peer's window, in messages no larger than the
 *     peer's maximum packet, and reports as taken exactly what it sent;
 * <li>it answers each message with at most one message.
 * </ul>
 */
final class PeerDrivenConnection {
    static final long WINDOW = 4096;
    static final long MAX_PACKET = 1024;
    /** What the peer gives its channels in the opening messages of the setup. */
    static final int PEER_WINDOW = 8192;
    static final int PEER_MAX_PACKET = 1024;

    private final ConnectionEngine engine;
    private final List<byte[]> sent = new ArrayList<>();
    private final Map<Integer, Channel> channels = new LinkedHashMap<>();

    /** What the owner knows of one channel, by this side's id. */
    private static final class Channel {
        long peerWindow;
        long peerMaxPacket;
        long written;
        long granted = WINDOW;
        long delivered;
        boolean eofSent;
        boolean closeSent;
    }

    PeerDrivenConnection(boolean client) {
        ConnectionConfig config = (client ? ConnectionConfig.client() : ConnectionConfig.server())
                .withWindow(WINDOW, MAX_PACKET).withMaxChannels(3);
        engine = new ConnectionEngine(client, config, sent::add);
    }

    /** Opens a session channel from this side; the peer's confirmation must follow. */
    int openSession() {
        return engine.openSession();
    }

    /**
     * One message from the peer and the owner's response to it.
     *
     * @return false when the engine refused the message: the owner would disconnect
     */
    boolean receive(byte[] message, int owner) {
        int before = sent.size();
        try {
            engine.receive(message, 0, message.length);
        } catch (SshProtocolException e) {
            return false;
        }
        assertTrue(sent.size() - before <= 1, () -> (sent.size() - before) + " answers to one message");
        for (ConnectionEvent e; (e = engine.pollEvent()) != null; ) {
            onEvent(e, message, owner);
        }
        act(owner);
        return true;
    }

    private void onEvent(ConnectionEvent event, byte[] message, int owner) {
        if (event instanceof ConnectionEvent.ChannelOpenRequested open) {
            if ((owner & 1) == 0) {
                engine.rejectOpen(open.channel(), OpenFailureReason.ADMINISTRATIVELY_PROHIBITED, "refused");
                return;
            }
            SshReader r = new SshReader(message, 1, message.length - 1);
            readQuietly(r, true);
            channels.put(open.channel(), peerLimits(r));
            engine.acceptOpen(open.channel());
        } else if (event instanceof ConnectionEvent.ChannelOpened opened) {
            SshReader r = new SshReader(message, 9, message.length - 9); // number, recipient, sender
            channels.put(opened.channel(), peerLimits(r));
        } else if (event instanceof ConnectionEvent.ChannelData d) {
            onData(d.channel(), d.data().length, owner);
        } else if (event instanceof ConnectionEvent.ChannelExtendedData d) {
            onData(d.channel(), d.data().length, owner);
        } else if (event instanceof ConnectionEvent.WindowAdjusted w) {
            channels.get(w.channel()).peerWindow += SshReader.uint32At(message, 5) & 0xffffffffL;
        } else if (event instanceof ConnectionEvent.ChannelRequestReceived request && request.wantReply()) {
            engine.replyToRequest(request.channel(), (owner & 4) != 0);
        } else if (event instanceof ConnectionEvent.ChannelClosed closed) {
            channels.remove(closed.channel());
        } else if (event instanceof ConnectionEvent.ChannelOpenFailed failed) {
            channels.remove(failed.channel());
        }
    }

    private void onData(int id, int length, int owner) {
        Channel c = channels.get(id);
        c.delivered += length;
        assertTrue(length <= MAX_PACKET, "data larger than this side's maximum packet");
        assertTrue(c.delivered <= c.granted, () -> "the peer sent " + c.delivered + " bytes into a window of "
                + c.granted);
        if ((owner & 2) != 0) {
            int before = sent.size();
            engine.consumed(id, length);
            for (byte[] adjust : sent.subList(before, sent.size())) {
                assertEquals(93, adjust[0], "consuming data sent something else than WINDOW_ADJUST");
                c.granted += SshReader.uint32At(adjust, 5) & 0xffffffffL;
            }
        }
    }

    private void act(int owner) {
        if ((owner & 8) != 0) {
            for (Map.Entry<Integer, Channel> e : channels.entrySet()) {
                write(e.getKey(), e.getValue(), 97 * ((owner >>> 4) & 3));
            }
        }
        Map.Entry<Integer, Channel> first = channels.entrySet().stream()
                .filter(e -> !e.getValue().closeSent).findFirst().orElse(null);
        if (first != null && (owner & 0x40) != 0 && !first.getValue().eofSent) {
            first.getValue().eofSent = true;
            engine.sendEof(first.getKey());
        }
        if (first != null && (owner & 0x80) != 0) {
            first.getValue().closeSent = true;
            engine.close(first.getKey());
        }
    }

    private void write(int id, Channel c, int length) {
        if (c.eofSent || c.closeSent) {
            return;
        }
        int before = sent.size();
        int taken = engine.write(id, new byte[length], 0, length);
        long carried = 0;
        for (byte[] data : sent.subList(before, sent.size())) {
            assertEquals(94, data[0], "writing sent something else than CHANNEL_DATA");
            long n = SshReader.uint32At(data, 5) & 0xffffffffL;
            assertTrue(n <= c.peerMaxPacket, () -> n + " bytes in one message, the peer takes " + c.peerMaxPacket);
            carried += n;
        }
        assertEquals(taken, carried, "taken and sent differ");
        c.written += taken;
        assertTrue(c.written <= c.peerWindow, () -> "wrote " + c.written + " into a window of " + c.peerWindow);
    }

    /** The peer's window and maximum packet, where {@code r} stands before them. */
    private static Channel peerLimits(SshReader r) {
        Channel c = new Channel();
        c.peerWindow = readQuietly(r, false);
        c.peerMaxPacket = readQuietly(r, false);
        return c;
    }

    /** Reads what the engine already accepted: a channel type and sender id, or a uint32. */
    private static long readQuietly(SshReader r, boolean typeAndSender) {
        try {
            if (typeAndSender) {
                r.skipString();
                return r.readUint32();
            }
            return r.readUint32AsLong();
        } catch (SshProtocolException e) {
            throw new AssertionError("the engine accepted a message the owner cannot read", e);
        }
    }

    /** SSH_MSG_CHANNEL_OPEN "session" (RFC 4254 §6.1), as the peer would open one. */
    static byte[] peerOpensSession(int sender) {
        return new SshWriter().writeByte(90).writeUtf8("session").writeUint32(sender).writeUint32(PEER_WINDOW)
                .writeUint32(PEER_MAX_PACKET).toByteArray();
    }

    /** SSH_MSG_CHANNEL_OPEN_CONFIRMATION (RFC 4254 §5.1) of this side's channel. */
    static byte[] peerConfirms(int recipient, int sender) {
        return new SshWriter().writeByte(91).writeUint32(recipient).writeUint32(sender).writeUint32(PEER_WINDOW)
                .writeUint32(PEER_MAX_PACKET).toByteArray();
    }
}
