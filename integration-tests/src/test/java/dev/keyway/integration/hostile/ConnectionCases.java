package dev.keyway.integration.hostile;

import static dev.keyway.api.DisconnectReason.PROTOCOL_ERROR;
import static dev.keyway.integration.hostile.Outcome.disconnect;
import static dev.keyway.integration.hostile.Outcome.replied;
import static dev.keyway.integration.hostile.Outcome.repliedEach;
import static dev.keyway.integration.hostile.Outcome.unanswered;
import static dev.keyway.integration.hostile.Stage.CHANNEL;
import static dev.keyway.integration.hostile.Stage.CONNECTION;

import dev.keyway.api.wire.SshWriter;
import dev.keyway.connection.OpenFailureReason;
import dev.keyway.integration.hostile.HostileCase.Attack;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue's cases against the connection protocol (RFC 4254) once logged in: channels
 * that do not exist or no longer do, flow control, channel requests and their limits, channel
 * opens and global requests. The stage's channel has a 2 MiB window and 32 KiB packets both
 * ways, as OpenSSH's session channels.
 */
final class ConnectionCases {
    private static final int WINDOW = 2 * 1024 * 1024;
    private static final int MAX_PACKET = 32 * 1024;
    private static final long UINT32_MAX = 0xffffffffL;
    private static final Reply FAILURE = Reply.channelFailure();

    private ConnectionCases() {
    }

    static List<HostileCase> cases() {
        return Stream.of(channelLife(), flowControl(), requests(), opens(), globalRequests()).flatMap(List::stream)
                .toList();
    }

    private static List<HostileCase> channelLife() {
        String rule = "RFC 4254 §5.3";
        return List.of(
                c("data on a channel never opened", CONNECTION, "CHANNEL_DATA for channel 7", "RFC 4254 §5.1",
                        p -> p.sendRaw(Wire.data(7, 1)), disconnect(PROTOCOL_ERROR)),
                c("data on channel 2^32-1", CONNECTION, "CHANNEL_DATA for channel 0xffffffff", "RFC 4254 §5.1",
                        p -> p.sendRaw(Wire.data(-1, 1)), disconnect(PROTOCOL_ERROR)),
                c("EOF on a channel never opened", CONNECTION, "CHANNEL_EOF for channel 5", "RFC 4254 §5.1",
                        p -> p.sendRaw(Wire.onChannel(Wire.CHANNEL_EOF, 5)), disconnect(PROTOCOL_ERROR)),
                c("request on a channel never opened", CONNECTION, "env on channel 5, reply wanted", "RFC 4254 §5.1",
                        p -> p.sendRaw(Wire.env(5, "LANG", "C", true)), disconnect(PROTOCOL_ERROR)),
                c("data on a closed channel", CHANNEL, "CLOSE, the server's CLOSE, then CHANNEL_DATA",
                        rule + ": once CLOSE went both ways the channel is gone", p -> {
                            closeBothWays(p);
                            p.sendRaw(Wire.data(p.channel(), 1));
                        }, disconnect(PROTOCOL_ERROR)),
                c("CLOSE twice", CHANNEL, "CLOSE, the server's CLOSE, then CLOSE again", rule, p -> {
                    closeBothWays(p);
                    p.sendRaw(Wire.onChannel(Wire.CHANNEL_CLOSE, p.channel()));
                }, disconnect(PROTOCOL_ERROR)),
                c("data crossing the server's CLOSE", CONNECTION,
                        "exec \"true\"; once the server sent EOF, exit-status and CLOSE, CHANNEL_DATA before our CLOSE",
                        rule + ": what crosses a CLOSE is dropped", p -> {
                            int channel = p.openSession(WINDOW, MAX_PACKET);
                            p.sendRaw(Wire.exec(channel, "true"));
                            p.expect(Wire.CHANNEL_SUCCESS, "CHANNEL_SUCCESS");
                            p.expect(Wire.CHANNEL_EOF, "CHANNEL_EOF");
                            p.expect(Wire.CHANNEL_REQUEST, "exit-status");
                            p.expect(Wire.CHANNEL_CLOSE, "CHANNEL_CLOSE");
                            p.sendRaw(Wire.data(channel, 10));
                        }, unanswered()),
                c("EOF twice", CHANNEL, "CHANNEL_EOF, then CHANNEL_EOF", rule + ": one EOF a direction", p -> {
                    p.sendRaw(Wire.onChannel(Wire.CHANNEL_EOF, p.channel()));
                    p.sendRaw(Wire.onChannel(Wire.CHANNEL_EOF, p.channel()));
                }, disconnect(PROTOCOL_ERROR)),
                c("data after EOF", CHANNEL, "CHANNEL_EOF, then CHANNEL_DATA", rule + ": no data after EOF", p -> {
                    p.sendRaw(Wire.onChannel(Wire.CHANNEL_EOF, p.channel()));
                    p.sendRaw(Wire.data(p.channel(), 1));
                }, disconnect(PROTOCOL_ERROR)));
    }

    private static List<HostileCase> flowControl() {
        String rule = "RFC 4254 §5.2";
        return List.of(
                c("window past 2^32-1", CHANNEL, "WINDOW_ADJUST taking the server's 2 MiB window to 2^32",
                        rule + ": the window MUST NOT be increased above 2^32-1",
                        p -> p.sendRaw(Wire.windowAdjust(p.channel(), UINT32_MAX - WINDOW + 1)), disconnect(PROTOCOL_ERROR)),
                c("window of exactly 2^32-1", CHANNEL, "WINDOW_ADJUST taking the window to 2^32-1", rule,
                        p -> p.sendRaw(Wire.windowAdjust(p.channel(), UINT32_MAX - WINDOW)), unanswered()),
                c("window adjust of 0", CHANNEL, "WINDOW_ADJUST of 0 bytes", rule,
                        p -> p.sendRaw(Wire.windowAdjust(p.channel(), 0)), unanswered()),
                c("data filling the window", CHANNEL, "64 CHANNEL_DATA of 32 KiB: the 2 MiB window exactly", rule,
                        p -> fillWindow(p), unanswered()),
                c("data beyond the window", CHANNEL, "64 CHANNEL_DATA of 32 KiB, then 1 byte more", rule
                                + ": no more than the window allows", p -> {
                                    fillWindow(p);
                                    p.sendRaw(Wire.data(p.channel(), 1));
                                }, disconnect(PROTOCOL_ERROR)),
                c("data beyond the maximum packet", CHANNEL, "CHANNEL_DATA of 32 KiB and 1 byte", rule
                                + " and §5.1: no more than the maximum packet size",
                        p -> p.sendRaw(Wire.data(p.channel(), MAX_PACKET + 1)), disconnect(PROTOCOL_ERROR)),
                c("extended data beyond the maximum packet", CHANNEL, "CHANNEL_EXTENDED_DATA of 32 KiB and 1 byte",
                        rule, p -> p.sendRaw(Wire.extendedData(p.channel(), 1, MAX_PACKET + 1)), disconnect(PROTOCOL_ERROR)),
                c("extended data from a client", CHANNEL, "CHANNEL_EXTENDED_DATA type 1 of 100 bytes",
                        rule + ": counted against the window, read by nobody", p -> p.sendRaw(Wire.extendedData(p.channel(), 1,
                                100)), unanswered()),
                c("data with a lying length", CHANNEL, "CHANNEL_DATA whose string claims 2^31-1 bytes",
                        "RFC 4251 §5", p -> p.sendRaw(new SshWriter().writeByte(Wire.CHANNEL_DATA).writeUint32(p.channel())
                                .writeUint32(Integer.MAX_VALUE).toByteArray()), disconnect(PROTOCOL_ERROR)),
                c("peer maximum packet of 2^32-1", CONNECTION,
                        "a channel with window and maximum packet 2^32-1, then exec of a command writing 1 MiB at once",
                        "RFC 4254 §5.1; RFC 4253 §6.1: the server sends no more a message than its transport frames",
                        ConnectionCases::receiveMegabyte, unanswered()));
    }

    private static List<HostileCase> requests() {
        String rule = "RFC 4254 §5.4";
        return List.of(
                c("1000 requests wanting replies", CHANNEL, "1000 window-change requests with want-reply, unread",
                        rule + ": replies in order; Keyway keeps at most 64 undecided a channel",
                        p -> {
                            for (int i = 0; i < 1000; i++) {
                                p.sendRaw(windowChange(p.channel()));
                            }
                        }, repliedEach(1000, FAILURE)),
                c("unknown request", CHANNEL, "request \"x-unknown@keyway.dev\", reply wanted", rule,
                        p -> p.sendRaw(Wire.channelRequest(p.channel(), "x-unknown@keyway.dev", true, new byte[0])),
                        replied(FAILURE)),
                c("unknown request, no reply wanted", CHANNEL, "request \"x-unknown@keyway.dev\"", rule,
                        p -> p.sendRaw(Wire.channelRequest(p.channel(), "x-unknown@keyway.dev", false, new byte[0])),
                        unanswered()),
                c("exit-status from a client", CHANNEL, "exit-status 0, reply wanted", "RFC 4254 §6.10: the server sends it",
                        p -> p.sendRaw(Wire.channelRequest(p.channel(), "exit-status", true, new byte[4])), replied(FAILURE)),
                c("second exec", CONNECTION, "exec \"wait\", then exec \"true\" on the same channel",
                        "RFC 4254 §6.5: one program a channel", p -> p.sendRaw(Wire.exec(waiting(p), "true")),
                        replied(FAILURE)),
                c("env after exec", CONNECTION, "exec \"wait\", then env LANG", "RFC 4254 §6.4: before the program starts",
                        p -> p.sendRaw(Wire.env(waiting(p), "LANG", "C", true)), replied(FAILURE)),
                c("env beyond 256 variables", CONNECTION, "256 env LC_0..LC_255 (each accepted), then LC_256",
                        "RFC 4254 §6.4; Keyway: at most " + TargetServer.ENV_LIMIT + " a channel", p -> {
                            int channel = p.openSession(WINDOW, MAX_PACKET);
                            for (int i = 0; i < TargetServer.ENV_LIMIT; i++) {
                                p.sendRaw(Wire.env(channel, "LC_" + i, "C", true));
                                Reply.channelSuccess().verify(p.next(), p);
                            }
                            p.sendRaw(Wire.env(channel, "LC_" + TargetServer.ENV_LIMIT, "C", true));
                        }, replied(FAILURE)),
                c("env not accepted", CHANNEL, "env LD_PRELOAD", "RFC 4254 §6.4: only variables the server allows"
                                + " (sshd's AcceptEnv)", p -> p.sendRaw(Wire.env(p.channel(), "LD_PRELOAD", "/tmp/x.so", true)),
                        replied(FAILURE)),
                c("pty-req with 1024 bytes of modes", CHANNEL, "pty-req for xterm with 1024 bytes of terminal modes",
                        "RFC 4254 §8", p -> p.sendRaw(Wire.ptyRequest(p.channel(), Wire.modes(1024))),
                        replied(Reply.channelSuccess())),
                c("pty-req with 64 KiB of modes", CHANNEL, "pty-req for xterm with 65536 bytes of terminal modes",
                        "RFC 4254 §8; Keyway: at most 1024 bytes (5 a mode, fewer than 100 opcodes)",
                        p -> p.sendRaw(Wire.ptyRequest(p.channel(), Wire.modes(65536))), disconnect(PROTOCOL_ERROR)),
                c("pty-req with a lying modes length", CHANNEL, "pty-req whose modes string claims 2^31-1 bytes",
                        "RFC 4251 §5", p -> p.sendRaw(Wire.channelRequest(p.channel(), "pty-req", true, new SshWriter()
                                .writeUtf8("xterm").writeUint32(80).writeUint32(24).writeUint32(0).writeUint32(0)
                                .writeUint32(Integer.MAX_VALUE).toByteArray())), disconnect(PROTOCOL_ERROR)),
                c("window-change without a terminal", CHANNEL, "window-change 80x24, reply wanted",
                        "RFC 4254 §6.7: the size of a terminal there is none of", p -> p.sendRaw(windowChange(p.channel())),
                        replied(FAILURE)),
                c("signal", CHANNEL, "signal KILL, reply wanted", "RFC 4254 §6.9: Keyway delivers no signals",
                        p -> p.sendRaw(Wire.channelRequest(p.channel(), "signal", true,
                                new SshWriter().writeUtf8("KILL").toByteArray())), replied(FAILURE)),
                c("x11-req", CHANNEL, "x11-req for screen 0, reply wanted", "RFC 4254 §6.3.1: Keyway forwards no X11",
                        p -> p.sendRaw(Wire.channelRequest(p.channel(), "x11-req", true, new SshWriter().writeBoolean(false)
                                .writeUtf8("MIT-MAGIC-COOKIE-1").writeUtf8("00").writeUint32(0).toByteArray())),
                        replied(FAILURE)),
                c("agent forwarding", CHANNEL, "auth-agent-req@openssh.com, reply wanted",
                        "OpenSSH PROTOCOL §2.1: Keyway forwards no agent", p -> p.sendRaw(Wire.channelRequest(p.channel(),
                                "auth-agent-req@openssh.com", true, new byte[0])), replied(FAILURE)),
                c("unknown subsystem", CHANNEL, "subsystem \"x-unknown\"", "RFC 4254 §6.5",
                        p -> p.sendRaw(Wire.channelRequest(p.channel(), "subsystem", true,
                                new SshWriter().writeUtf8("x-unknown").toByteArray())), replied(FAILURE)),
                c("CHANNEL_SUCCESS unasked", CHANNEL, "CHANNEL_SUCCESS with no request of the server's waiting", rule,
                        p -> p.sendRaw(Wire.onChannel(Wire.CHANNEL_SUCCESS, p.channel())), disconnect(PROTOCOL_ERROR)));
    }

    private static List<HostileCase> opens() {
        String rule = "RFC 4254 §5.1";
        return List.of(
                c("more channels than MaxSessions", CONNECTION, TargetServer.MAX_SESSIONS + " session channels, then one more",
                        rule + "; sshd's MaxSessions", p -> {
                            for (int i = 0; i < TargetServer.MAX_SESSIONS; i++) {
                                p.openSession(WINDOW, MAX_PACKET);
                            }
                            p.sendRaw(Wire.channelOpen("session", 99, WINDOW, MAX_PACKET));
                        }, replied(Reply.openFailure(OpenFailureReason.RESOURCE_SHORTAGE))),
                c("direct-tcpip channel", CONNECTION, "CHANNEL_OPEN \"direct-tcpip\" to 127.0.0.1:22",
                        "RFC 4254 §7.2: Keyway forwards no ports", p -> p.sendRaw(TransportCases.concat(
                                Wire.channelOpen("direct-tcpip", 0, WINDOW, MAX_PACKET), new SshWriter().writeUtf8("127.0.0.1")
                                        .writeUint32(22).writeUtf8("127.0.0.1").writeUint32(40000).toByteArray())),
                        replied(Reply.openFailure(OpenFailureReason.UNKNOWN_CHANNEL_TYPE))),
                c("x11 channel from a client", CONNECTION, "CHANNEL_OPEN \"x11\"", "RFC 4254 §6.3.2: only a server opens"
                                + " those", p -> p.sendRaw(Wire.channelOpen("x11", 0, WINDOW, MAX_PACKET)),
                        replied(Reply.openFailure(OpenFailureReason.UNKNOWN_CHANNEL_TYPE))),
                c("channel with maximum packet 0", CONNECTION, "CHANNEL_OPEN \"session\" with a maximum packet of 0",
                        rule + ": nothing could ever be sent on it",
                        p -> p.sendRaw(Wire.channelOpen("session", 0, WINDOW, 0)), disconnect(PROTOCOL_ERROR)),
                c("channel with window 0", CONNECTION, "CHANNEL_OPEN \"session\" with a window of 0",
                        "RFC 4254 §5.2: the window may open later",
                        p -> p.sendRaw(Wire.channelOpen("session", 0, 0, MAX_PACKET)),
                        replied(Reply.message(Wire.CHANNEL_OPEN_CONFIRMATION, "OPEN_CONFIRMATION"))),
                c("truncated CHANNEL_OPEN", CONNECTION, "CHANNEL_OPEN \"session\" and nothing more", rule,
                        p -> p.sendRaw(new SshWriter().writeByte(Wire.CHANNEL_OPEN).writeUtf8("session").toByteArray()),
                        disconnect(PROTOCOL_ERROR)),
                c("OPEN_CONFIRMATION unasked", CHANNEL, "OPEN_CONFIRMATION for the open channel", rule
                                + ": it answers an open of the server's",
                        p -> p.sendRaw(new SshWriter().writeByte(Wire.CHANNEL_OPEN_CONFIRMATION).writeUint32(p.channel())
                                .writeUint32(5).writeUint32(WINDOW).writeUint32(MAX_PACKET).toByteArray()),
                        disconnect(PROTOCOL_ERROR)),
                c("OPEN_FAILURE unasked", CONNECTION, "OPEN_FAILURE for channel 0", rule,
                        p -> p.sendRaw(new SshWriter().writeByte(Wire.CHANNEL_OPEN_FAILURE).writeUint32(0).writeUint32(2)
                                .writeUtf8("no").writeUtf8("").toByteArray()), disconnect(PROTOCOL_ERROR)));
    }

    private static List<HostileCase> globalRequests() {
        String rule = "RFC 4254 §4";
        return List.of(
                c("tcpip-forward", CONNECTION, "tcpip-forward for 127.0.0.1:0, reply wanted",
                        "RFC 4254 §7.1: Keyway forwards no ports", p -> p.sendRaw(TransportCases.concat(
                                Wire.globalRequest("tcpip-forward", true),
                                new SshWriter().writeUtf8("127.0.0.1").writeUint32(0).toByteArray())),
                        replied(Reply.requestFailure())),
                c("unknown global request", CONNECTION, "global request \"x-unknown@keyway.dev\", reply wanted", rule,
                        p -> p.sendRaw(Wire.globalRequest("x-unknown@keyway.dev", true)), replied(Reply.requestFailure())),
                c("global request, no reply wanted", CONNECTION, "global request \"x-unknown@keyway.dev\"", rule,
                        p -> p.sendRaw(Wire.globalRequest("x-unknown@keyway.dev", false)), unanswered()),
                c("keepalive@openssh.com", CONNECTION, "global request keepalive@openssh.com, reply wanted",
                        rule + ": OpenSSH's keepalive lives on the REQUEST_FAILURE",
                        p -> p.sendRaw(Wire.globalRequest("keepalive@openssh.com", true)), replied(Reply.requestFailure())),
                c("1000 global requests", CONNECTION, "1000 unknown global requests with want-reply, unread",
                        rule + ": replies in order", p -> {
                            for (int i = 0; i < 1000; i++) {
                                p.sendRaw(Wire.globalRequest("x-unknown@keyway.dev", true));
                            }
                        }, repliedEach(1000, Reply.requestFailure())),
                c("REQUEST_SUCCESS unasked", CONNECTION, "REQUEST_SUCCESS with no request of the server's waiting", rule,
                        p -> p.sendRaw(Wire.message(Wire.REQUEST_SUCCESS)), disconnect(PROTOCOL_ERROR)),
                c("REQUEST_FAILURE unasked", CONNECTION, "REQUEST_FAILURE with no request of the server's waiting", rule,
                        p -> p.sendRaw(Wire.message(Wire.REQUEST_FAILURE)), disconnect(PROTOCOL_ERROR)));
    }

    private static HostileCase c(String name, Stage stage, String input, String rule, Attack attack, Outcome outcome) {
        return new HostileCase(name, Layer.CONNECTION, stage, PeerSetup.DEFAULT, input, rule, attack, outcome);
    }

    /** CLOSE from the attacker, answered by the server's (RFC 4254 §5.3). */
    private static void closeBothWays(HostilePeer p) throws IOException {
        p.sendRaw(Wire.onChannel(Wire.CHANNEL_CLOSE, p.channel()));
        p.expect(Wire.CHANNEL_CLOSE, "CHANNEL_CLOSE");
    }

    /** The stage channel's whole window, in data messages of the maximum packet size. */
    private static void fillWindow(HostilePeer p) throws IOException {
        for (int i = 0; i < WINDOW / MAX_PACKET; i++) {
            p.sendRaw(Wire.data(p.channel(), MAX_PACKET));
        }
    }

    /** A channel running "wait", which reads until EOF; returns it. */
    private static int waiting(HostilePeer p) throws IOException {
        int channel = p.openSession(WINDOW, MAX_PACKET);
        p.sendRaw(Wire.exec(channel, "wait"));
        p.expect(Wire.CHANNEL_SUCCESS, "CHANNEL_SUCCESS");
        return channel;
    }

    /** window-change to 80x24 (RFC 4254 §6.7), reply wanted. */
    private static byte[] windowChange(int channel) {
        return Wire.channelRequest(channel, "window-change", true,
                new SshWriter().writeUint32(80).writeUint32(24).writeUint32(0).writeUint32(0).toByteArray());
    }

    /**
     * On a channel whose window and maximum packet are 2^32-1, 1 MiB written at once comes
     * whole, in messages larger than the usual 32 KiB that the attacker's transport took (it
     * refuses a packet past 256 KiB), followed by EOF, exit-status and CLOSE.
     */
    private static void receiveMegabyte(HostilePeer p) throws IOException {
        int channel = p.openSession(UINT32_MAX, UINT32_MAX);
        p.sendRaw(Wire.exec(channel, "bytes " + (1 << 20)));
        p.expect(Wire.CHANNEL_SUCCESS, "CHANNEL_SUCCESS");
        long received = 0;
        int largest = 0;
        TransportEvent e;
        while ((e = p.next()) instanceof TransportEvent.ServiceMessage m && m.messageNumber() == Wire.CHANNEL_DATA) {
            int length = HostilePeer.uint32(m.payload(), 5);
            received += length;
            largest = Math.max(largest, length);
        }
        if (received != 1 << 20 || largest <= MAX_PACKET) {
            throw new AssertionError("received " + received + " bytes of 1 MiB, at most " + largest
                    + " in one message, then " + p.describe(e));
        }
        Reply.message(Wire.CHANNEL_EOF, "CHANNEL_EOF").verify(e, p);
        p.expect(Wire.CHANNEL_REQUEST, "exit-status");
        p.expect(Wire.CHANNEL_CLOSE, "CHANNEL_CLOSE");
    }
}
