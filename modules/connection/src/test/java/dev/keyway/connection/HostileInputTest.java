package dev.keyway.connection;

import static dev.keyway.connection.EnginePair.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.connection.ConnectionEvent.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A peer that breaks RFC 4254: each case ends in an SshProtocolException or a refusal, as the RFC says. */
class HostileInputTest {
    private final List<byte[]> sent = new ArrayList<>();
    private final ConnectionEngine server = new ConnectionEngine(false,
            ConnectionConfig.server().withWindow(1000, 100).withMaxChannels(2), sent::add);

    private void receive(byte[] m) throws SshProtocolException {
        server.receive(m, 0, m.length);
    }

    private void assertProtocolError(byte[] m) {
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> receive(m));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    /** The peer opens a session as its channel 7; returns the server's id for it. */
    private int open() throws SshProtocolException {
        receive(WireView.open("session", 7, 1 << 20, 1 << 15));
        int id = ((ChannelOpenRequested) server.pollEvent()).channel();
        server.acceptOpen(id);
        sent.clear();
        return id;
    }

    @Test
    void messageForAnUnknownChannel() throws Exception {
        assertProtocolError(WireView.data(5, 1));
        assertProtocolError(WireView.message(96, -1)); // uint32 0xffffffff
        open();
        assertProtocolError(WireView.message(97, 1));
    }

    @Test
    void dataAfterEof() throws Exception {
        int id = open();
        receive(WireView.message(96, id));
        assertProtocolError(WireView.data(id, 1));
    }

    @Test
    void dataLargerThanTheMaximumPacket() throws Exception {
        int id = open();
        receive(WireView.data(id, 100));
        assertProtocolError(WireView.data(id, 101));
    }

    @Test
    void dataBeyondTheWindow() throws Exception {
        int id = open();
        for (int i = 0; i < 10; i++) {
            receive(WireView.data(id, 100));
        }
        assertProtocolError(WireView.data(id, 1));
    }

    @Test
    void windowAdjustPastUint32IsAnError() throws Exception {
        int id = open(); // the peer's window is 2^20
        receive(WireView.windowAdjust(id, 0xffffffffL - (1 << 20)));
        assertEquals(new WindowAdjusted(id, 0xffffffffL), server.pollEvent());
        assertProtocolError(WireView.windowAdjust(id, 1));
    }

    /**
     * Issue 8: a peer may announce any uint32 as its maximum packet (RFC 4254 §5.1). One large
     * write to it is cut into messages the transport can frame, and all of it goes out.
     */
    @Test
    void aMaximumPacketOf2To32Minus1IsCutToWhatTheTransportFrames() throws Exception {
        receive(WireView.open("session", 7, 0xffffffffL, 0xffffffffL));
        int id = ((ChannelOpenRequested) server.pollEvent()).channel();
        server.acceptOpen(id);
        sent.clear();
        byte[] large = new byte[1 << 20];
        assertEquals(large.length, server.write(id, large, 0, large.length));
        long total = 0;
        for (byte[] m : sent) {
            int length = SshReader.uint32At(m, 5);
            assertTrue(length <= ConnectionConfig.DEFAULT_SEND_LIMIT, "a data message of " + length + " bytes");
            total += length;
        }
        assertEquals(large.length, total);
    }

    @Test
    void unknownChannelTypeIsRefusedWithItsReason() throws Exception {
        receive(WireView.open("direct-tcpip", 3, 1000, 100));
        assertEquals(new ChannelOpenRefused("direct-tcpip", OpenFailureReason.UNKNOWN_CHANNEL_TYPE), server.pollEvent());
        assertEquals(1, sent.size());
        assertEquals(92, WireView.number(sent.get(0)));
        assertEquals(3, new SshReader(sent.get(0), 5, 4).readUint32(), "reason code");
    }

    @Test
    void tooManyChannelsIsAResourceShortage() throws Exception {
        open();
        open();
        receive(WireView.open("session", 9, 1000, 100));
        assertEquals(new ChannelOpenRefused("session", OpenFailureReason.RESOURCE_SHORTAGE), server.pollEvent());
        assertEquals(4, new SshReader(sent.get(0), 5, 4).readUint32(), "reason code");
    }

    @Test
    void unknownRequestGetsFailureAndNoneWithoutWantReply() throws Exception {
        int id = open();
        receive(WireView.request(id, "nonsense@example.com", true));
        receive(WireView.request(id, "exit-status-is-for-clients", false));
        receive(new SshWriter().writeByte(98).writeUint32(id).writeUtf8("exit-status").writeBoolean(true)
                .writeUint32(0).toByteArray()); // addressed to a client, so nobody here handles it
        assertEquals(List.of(), events(server));
        assertEquals(List.of(100, 100), sent.stream().map(WireView::number).toList());
    }

    @Test
    void malformedKnownRequestIsAnError() throws Exception {
        int id = open();
        assertProtocolError(WireView.request(id, "exec", true)); // no command string
    }

    @Test
    void globalRequestsAreRefusedOnlyWhenAReplyIsWanted() throws Exception {
        receive(WireView.globalRequest("keepalive@openssh.com", true));
        receive(WireView.globalRequest("no-more-sessions@openssh.com", false));
        assertEquals(List.of(new GlobalRequestRefused("keepalive@openssh.com", true),
                new GlobalRequestRefused("no-more-sessions@openssh.com", false)), events(server));
        assertEquals(List.of(82), sent.stream().map(WireView::number).toList());
    }

    @Test
    void unsolicitedRepliesAreErrors() throws Exception {
        int id = open();
        assertProtocolError(new byte[] {81});
        assertProtocolError(WireView.message(99, id));
        assertProtocolError(WireView.message(91, id)); // confirmation of a channel that is open already
    }

    @Test
    void messagesBeforeTheOwnerAcceptedTheChannelAreErrors() throws Exception {
        receive(WireView.open("session", 7, 1000, 100));
        int id = ((ChannelOpenRequested) server.pollEvent()).channel();
        assertProtocolError(WireView.data(id, 1));
    }

    @Test
    void emptyOrForeignMessagesAreErrors() {
        assertProtocolError(new byte[0]);
        assertProtocolError(new byte[] {5});
        assertProtocolError(new byte[] {101});
        assertProtocolError(new byte[] {(byte) 96, 0, 0}); // truncated channel id
    }

    @Test
    void messagesThatCrossOurCloseAreDropped() throws Exception {
        int id = open();
        server.close(id);
        receive(WireView.data(id, 100));
        receive(WireView.request(id, "shell", true));
        receive(WireView.message(96, id));
        assertEquals(List.of(), events(server));
        receive(WireView.message(97, id));
        assertEquals(List.of(new ChannelClosed(id)), events(server));
        assertEquals(List.of(97), sent.stream().map(WireView::number).toList(), "one CLOSE, no reply to the request");
        assertProtocolError(WireView.data(id, 1));
    }
}
