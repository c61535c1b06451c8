package dev.keyway.connection;

import static dev.keyway.connection.EnginePair.events;
import static dev.keyway.connection.EnginePair.only;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.wire.SshWriter;
import dev.keyway.connection.ChannelRequest.*;
import dev.keyway.connection.ConnectionEvent.*;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole session over two engines back to back: the exchange of RFC 4254 §6 from open to close. */
class SessionTest {
    private final EnginePair pair = new EnginePair();

    @Test
    void execSessionFromOpenToClose() throws Exception {
        int[] ids = pair.openSession();
        int c = ids[0];
        int s = ids[1];

        byte[] modes = {1, 0, 0, 0, 3, 0}; // VINTR 3, TTY_OP_END: kept as a blob, never interpreted
        PtyRequest pty = new PtyRequest("xterm-256color", 80, 24, 640, 480, modes);
        pair.client.sendRequest(c, pty, true);
        pair.client.sendRequest(c, new EnvRequest("LANG", "C.UTF-8"), true);
        pair.client.sendRequest(c, ExecRequest.of("echo hi"), true);
        pair.pump();
        assertEquals(List.of(new ChannelRequestReceived(s, pty, true),
                new ChannelRequestReceived(s, new EnvRequest("LANG", "C.UTF-8"), true),
                new ChannelRequestReceived(s, ExecRequest.of("echo hi"), true)), events(pair.server));
        pair.server.replyToRequest(s, true);
        pair.server.replyToRequest(s, false); // env refused, as OpenSSH does without AcceptEnv
        pair.server.replyToRequest(s, true);
        pair.pump();
        assertEquals(List.of(new ChannelRequestReplied(c, "pty-req", true),
                new ChannelRequestReplied(c, "env", false),
                new ChannelRequestReplied(c, "exec", true)), events(pair.client));

        assertEquals(5, pair.client.write(c, "input".getBytes(UTF_8), 0, 5));
        assertEquals(3, pair.server.write(s, "hi\n".getBytes(UTF_8), 0, 3));
        assertEquals(4, pair.server.writeExtended(s, ConnectionEngine.EXTENDED_DATA_STDERR, "oops".getBytes(UTF_8), 0, 4));
        pair.pump();
        assertEquals(List.of(new ChannelData(s, "input".getBytes(UTF_8))), events(pair.server));
        pair.server.consumed(s, 5);

        pair.server.sendRequest(s, new ExitStatus(0), false);
        pair.server.sendEof(s);
        pair.server.close(s);
        pair.pump();
        assertEquals(List.of(new ChannelData(c, "hi\n".getBytes(UTF_8)),
                new ChannelExtendedData(c, 1, "oops".getBytes(UTF_8)),
                new ChannelRequestReceived(c, new ExitStatus(0), false),
                new ChannelEof(c),
                new ChannelClosed(c)), events(pair.client));
        assertEquals(List.of(new ChannelClosed(s)), events(pair.server));

        // Both ids are free now, and the lowest free id is reused.
        assertEquals(c, pair.client.openSession());
        pair.pump();
        assertEquals(s, only(events(pair.server), ChannelOpenRequested.class).channel());
    }

    @Test
    void clientClosesFirstAndTheChannelEndsOnlyWithTheServersClose() throws Exception {
        int[] ids = pair.openSession();
        pair.client.sendEof(ids[0]);
        pair.client.close(ids[0]);
        assertThrows(IllegalStateException.class, () -> pair.client.write(ids[0], new byte[1], 0, 1));
        assertEquals(List.of(), events(pair.client), "not freed before the peer's CLOSE");
        pair.pump();
        assertEquals(List.of(new ChannelEof(ids[1]), new ChannelClosed(ids[1])), events(pair.server));
        assertEquals(List.of(new ChannelClosed(ids[0])), events(pair.client));
    }

    @Test
    void simultaneousClosesEndTheChannelWithOneCloseEachWay() throws Exception {
        int[] ids = pair.openSession();
        pair.client.close(ids[0]);
        pair.server.close(ids[1]);
        pair.pump();
        assertEquals(List.of(new ChannelClosed(ids[0])), events(pair.client));
        assertEquals(List.of(new ChannelClosed(ids[1])), events(pair.server));
        assertEquals(1, pair.sentByClient.stream().filter(m -> WireView.number(m) == 97).count());
        assertEquals(1, pair.sentByServer.stream().filter(m -> WireView.number(m) == 97).count());
    }

    @Test
    void aFailedOpenCannotBeUsed() throws Exception {
        int c = pair.client.openSession();
        assertThrows(IllegalStateException.class, () -> pair.client.write(c, new byte[1], 0, 1), "not confirmed yet");
        pair.pump();
        int s = only(events(pair.server), ChannelOpenRequested.class).channel();
        pair.server.rejectOpen(s, OpenFailureReason.CONNECT_FAILED, "");
        pair.pump();
        assertThrows(IllegalStateException.class, () -> pair.client.write(c, new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> pair.client.close(c));
    }

    @Test
    void openSshServerKeepaliveOnAChannelGetsFailureFromTheClient() throws Exception {
        int[] ids = pair.openSession();
        // OpenSSH's ClientAliveInterval probe: a channel request nobody on the client handles.
        pair.server.sendRequest(ids[1], new OtherRequest("keepalive@openssh.com", new byte[0]), true);
        pair.pump();
        assertEquals(List.of(), events(pair.client));
        assertEquals(List.of(new ChannelRequestReplied(ids[1], "keepalive@openssh.com", false)), events(pair.server));
    }

    @Test
    void receivedBytesAreCopiedSoTheCallerMayReuseItsBuffer() throws Exception {
        ConnectionEngine server = new ConnectionEngine(false, ConnectionConfig.server(), m -> { });
        byte[] open = WireView.open("session", 0, 1000, 100);
        server.receive(open, 0, open.length);
        int id = ((ChannelOpenRequested) server.pollEvent()).channel();
        server.acceptOpen(id);
        byte[] buf = new byte[64];
        byte[] data = new SshWriter().writeByte(94).writeUint32(id)
                .writeString(new byte[] {1, 2, 3}).toByteArray();
        System.arraycopy(data, 0, buf, 10, data.length);
        server.receive(buf, 10, data.length);
        Arrays.fill(buf, (byte) 9);
        assertEquals(new ChannelData(id, new byte[] {1, 2, 3}), server.pollEvent());
    }

    @Test
    void severalChannelsHaveTheirOwnIdsAndAFreedIdIsReused() throws Exception {
        int[] a = pair.openSession();
        int[] b = pair.openSession();
        int[] c = pair.openSession();
        assertEquals(List.of(0, 1, 2), List.of(a[0], b[0], c[0]));
        pair.client.write(b[0], new byte[] {7}, 0, 1);
        pair.client.close(b[0]);
        pair.pump();
        assertEquals(List.of(new ChannelData(b[1], new byte[] {7}), new ChannelClosed(b[1])), events(pair.server));
        assertEquals(List.of(new ChannelClosed(b[0])), events(pair.client));
        assertEquals(1, pair.openSession()[0]);
    }

    @Test
    void writingAfterEofIsTheCallersMistake() throws Exception {
        int[] ids = pair.openSession();
        pair.client.sendEof(ids[0]);
        assertThrows(IllegalStateException.class, () -> pair.client.write(ids[0], new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> pair.client.sendEof(ids[0]));
        // The other direction is still open.
        assertEquals(1, pair.server.write(ids[1], new byte[1], 0, 1));
    }

    @Test
    void aRefusedOpenFreesTheIdOnBothSides() throws Exception {
        int c = pair.client.openSession();
        pair.pump();
        int s = only(events(pair.server), ChannelOpenRequested.class).channel();
        pair.server.rejectOpen(s, OpenFailureReason.ADMINISTRATIVELY_PROHIBITED, "no sessions today");
        pair.pump();
        assertEquals(List.of(new ChannelOpenFailed(c, 1, "no sessions today")), events(pair.client));
        assertEquals(c, pair.client.openSession());
    }

    @Test
    void repliesToRequestsGoInOrderEvenWhenTheEngineRefusesOneAtOnce() throws Exception {
        int[] ids = pair.openSession();
        pair.client.sendRequest(ids[0], new ShellRequest(), true);
        pair.client.sendRequest(ids[0], new OtherRequest("x11-req", new byte[0]), true); // nobody handles it
        pair.client.sendRequest(ids[0], new SubsystemRequest("sftp"), true);
        pair.pump();
        assertEquals(2, events(pair.server).size());
        assertEquals(List.of(), events(pair.client), "the refusal waits behind the shell's reply");
        pair.server.replyToRequest(ids[1], true);
        pair.server.replyToRequest(ids[1], true);
        pair.pump();
        assertEquals(List.of(new ChannelRequestReplied(ids[0], "shell", true),
                new ChannelRequestReplied(ids[0], "x11-req", false),
                new ChannelRequestReplied(ids[0], "subsystem", true)), events(pair.client));
    }

    @Test
    void exitSignalAndWindowChangeAndSignalReachTheirSide() throws Exception {
        int[] ids = pair.openSession();
        pair.client.sendRequest(ids[0], new WindowChange(120, 40, 0, 0), false);
        pair.client.sendRequest(ids[0], new Signal("INT"), false);
        pair.server.sendRequest(ids[1], new ExitSignal("KILL", true, "killed", "en"), false);
        pair.pump();
        assertEquals(List.of(new ChannelRequestReceived(ids[1], new WindowChange(120, 40, 0, 0), false),
                new ChannelRequestReceived(ids[1], new Signal("INT"), false)), events(pair.server));
        assertEquals(List.of(new ChannelRequestReceived(ids[0], new ExitSignal("KILL", true, "killed", "en"), false)),
                events(pair.client));
    }

    @Test
    void consumedDataReopensTheWindowOnceHalfOfItIsTaken() throws Exception {
        EnginePair small = new EnginePair(ConnectionConfig.client(), ConnectionConfig.server().withWindow(100, 40));
        int[] ids = small.openSession();
        assertEquals(100, small.client.write(ids[0], new byte[150], 0, 150));
        List<byte[]> sent = small.sentByClient;
        assertEquals(List.of(40, 40, 20), WireView.dataLengths(sent.subList(sent.size() - 3, sent.size())));
        small.pump();
        events(small.server);
        small.server.consumed(ids[1], 49);
        small.pump();
        assertEquals(List.of(), events(small.client), "49 of 100 is less than half");
        small.server.consumed(ids[1], 1);
        small.pump();
        assertEquals(List.of(new WindowAdjusted(ids[0], 50)), events(small.client));
        assertEquals(50, small.client.writableBytes(ids[0]));
        assertThrows(IllegalArgumentException.class, () -> small.server.consumed(ids[1], 51));
    }
}
