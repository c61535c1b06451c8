package dev.keyway.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ConnectionMessages;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A trace names each connection message with its fields (RFC 4254 §9); no bytes make it throw. */
class MessageDescriptionsTest {

    private static String describe(ConnectionMessage m) {
        return ConnectionMessages.describe(m.toPayload());
    }

    private static ConnectionMessage.Request request(ChannelRequest r, boolean wantReply) {
        return new ConnectionMessage.Request(0, r.type(), wantReply, RequestCodec.encode(r));
    }

    @Test
    void anExecSessionReadsLikeTheRfc() {
        assertEquals("SSH_MSG_CHANNEL_OPEN \"session\" as channel 0, window 2097152 bytes, packets up to 32768"
                + " (RFC 4254 §5.1)", describe(new ConnectionMessage.ChannelOpen("session", 0, 2097152, 32768, new byte[0])));
        assertEquals("SSH_MSG_CHANNEL_OPEN_CONFIRMATION for channel 0, its own number 4294967295, window 65536 bytes"
                + " (RFC 4254 §5.1)", describe(new ConnectionMessage.OpenConfirmation(0, -1, 65536, 32768, new byte[0])));
        assertEquals("SSH_MSG_CHANNEL_REQUEST channel 0 \"exec\" \"echo hello\", reply wanted (RFC 4254 §5.4)",
                describe(request(ChannelRequest.ExecRequest.of("echo hello"), true)));
        assertEquals("SSH_MSG_CHANNEL_REQUEST channel 0 \"pty-req\" xterm 80x24 (RFC 4254 §5.4)",
                describe(request(new ChannelRequest.PtyRequest("xterm", 80, 24, 0, 0, new byte[] {0}), false)));
        assertEquals("SSH_MSG_CHANNEL_SUCCESS channel 0 (RFC 4254 §5.4)",
                describe(new ConnectionMessage.RequestReply(0, true)));
        assertEquals("SSH_MSG_CHANNEL_DATA channel 0, 6 bytes: \"hello\\n\" (RFC 4254 §5.2)",
                describe(new ConnectionMessage.Data(0, null, "hello\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("SSH_MSG_CHANNEL_EXTENDED_DATA channel 0 (stderr), 3 bytes: \"\\x1b\\\"\\t\" (RFC 4254 §5.2)",
                describe(new ConnectionMessage.Data(0, 1, new byte[] {0x1b, '"', '\t'})));
        assertEquals("SSH_MSG_CHANNEL_REQUEST channel 0 \"exit-status\" 0 (RFC 4254 §5.4)",
                describe(request(new ChannelRequest.ExitStatus(0), false)));
        assertEquals("SSH_MSG_CHANNEL_EOF channel 0 (RFC 4254 §5.3)", describe(new ConnectionMessage.Eof(0)));
        assertEquals("SSH_MSG_CHANNEL_CLOSE channel 0 (RFC 4254 §5.3)", describe(new ConnectionMessage.Close(0)));
    }

    @Test
    void longDataIsCutShort() {
        String d = describe(new ConnectionMessage.Data(3, null, new byte[100_000]));
        assertEquals("SSH_MSG_CHANNEL_DATA channel 3, 100000 bytes: \"" + "\\x00".repeat(40) + "\"... (RFC 4254 §5.2)", d);
    }

    @Property
    void anyBytesAreDescribedNeverThrown(@ForAll @IntRange(min = 80, max = 127) int type, @ForAll @Size(max = 64) byte[] rest) {
        byte[] message = new byte[rest.length + 1];
        message[0] = (byte) type;
        System.arraycopy(rest, 0, message, 1, rest.length);
        assertFalse(ConnectionMessages.describe(message).isEmpty());
    }
}
