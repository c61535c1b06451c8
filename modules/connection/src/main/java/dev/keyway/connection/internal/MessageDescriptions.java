package dev.keyway.connection.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.ChannelRequest;
import java.nio.charset.StandardCharsets;

/**
 * One line per connection-protocol message (RFC 4254 §9) for a trace: its name, channel and
 * the fields a reader of the protocol wants to see. Data is shown as a short excerpt.
 */
public final class MessageDescriptions {
    /** How much of a data message's bytes a trace shows. */
    private static final int EXCERPT = 40;

    private MessageDescriptions() {
    }

    public static String describe(byte[] payload) {
        try {
            return describe(MessageParser.parse(payload, 0, payload.length));
        } catch (SshProtocolException e) {
            return "malformed connection message " + (payload.length == 0 ? "" : Integer.toString(payload[0] & 0xff))
                    + ": " + e.getMessage();
        }
    }

    // Java 17 has no pattern matching in switch, hence the instanceof chains.
    private static String describe(ConnectionMessage m) throws SshProtocolException {
        if (m instanceof ConnectionMessage.GlobalRequest g) {
            return "SSH_MSG_GLOBAL_REQUEST \"" + g.name() + "\"" + reply(g.wantReply()) + " (RFC 4254 §4)";
        } else if (m instanceof ConnectionMessage.GlobalReply g) {
            return (g.success() ? "SSH_MSG_REQUEST_SUCCESS" : "SSH_MSG_REQUEST_FAILURE") + " (RFC 4254 §4)";
        } else if (m instanceof ConnectionMessage.ChannelOpen o) {
            return "SSH_MSG_CHANNEL_OPEN \"" + o.type() + "\" as channel " + id(o.sender()) + ", window " + o.window()
                    + " bytes, packets up to " + o.maxPacket() + " (RFC 4254 §5.1)";
        } else if (m instanceof ConnectionMessage.OpenConfirmation c) {
            return "SSH_MSG_CHANNEL_OPEN_CONFIRMATION for channel " + id(c.recipient()) + ", its own number "
                    + id(c.sender()) + ", window " + c.window() + " bytes (RFC 4254 §5.1)";
        } else if (m instanceof ConnectionMessage.OpenFailure f) {
            return "SSH_MSG_CHANNEL_OPEN_FAILURE for channel " + id(f.recipient()) + ", reason " + f.reasonCode()
                    + " \"" + f.description() + "\" (RFC 4254 §5.1)";
        } else if (m instanceof ConnectionMessage.WindowAdjust w) {
            return "SSH_MSG_CHANNEL_WINDOW_ADJUST channel " + id(w.recipient()) + " +" + w.bytes() + " bytes (RFC 4254 §5.2)";
        } else if (m instanceof ConnectionMessage.Data d) {
            String name = d.dataType() == null ? "SSH_MSG_CHANNEL_DATA channel " + id(d.recipient())
                    : "SSH_MSG_CHANNEL_EXTENDED_DATA channel " + id(d.recipient())
                            + (d.dataType() == 1 ? " (stderr)" : " type " + d.dataType());
            return name + ", " + d.data().length + " bytes: " + excerpt(d.data()) + " (RFC 4254 §5.2)";
        } else if (m instanceof ConnectionMessage.Eof e) {
            return "SSH_MSG_CHANNEL_EOF channel " + id(e.recipient()) + " (RFC 4254 §5.3)";
        } else if (m instanceof ConnectionMessage.Close c) {
            return "SSH_MSG_CHANNEL_CLOSE channel " + id(c.recipient()) + " (RFC 4254 §5.3)";
        } else if (m instanceof ConnectionMessage.Request r) {
            return "SSH_MSG_CHANNEL_REQUEST channel " + id(r.recipient()) + " \"" + r.type() + "\""
                    + request(RequestCodec.parse(r.type(), r.data())) + reply(r.wantReply()) + " (RFC 4254 §5.4)";
        }
        ConnectionMessage.RequestReply r = (ConnectionMessage.RequestReply) m;
        return (r.success() ? "SSH_MSG_CHANNEL_SUCCESS" : "SSH_MSG_CHANNEL_FAILURE") + " channel " + id(r.recipient())
                + " (RFC 4254 §5.4)";
    }

    /** The fields of a request worth a glance; none for a shell or an unknown type. */
    private static String request(ChannelRequest request) {
        if (request instanceof ChannelRequest.ExecRequest e) {
            return " " + excerpt(e.command());
        } else if (request instanceof ChannelRequest.EnvRequest e) {
            return " " + e.name() + "=" + e.value();
        } else if (request instanceof ChannelRequest.PtyRequest p) {
            return " " + p.term() + " " + p.columns() + "x" + p.rows();
        } else if (request instanceof ChannelRequest.SubsystemRequest s) {
            return " " + s.name();
        } else if (request instanceof ChannelRequest.WindowChange w) {
            return " " + w.columns() + "x" + w.rows();
        } else if (request instanceof ChannelRequest.Signal s) {
            return " SIG" + s.name();
        } else if (request instanceof ChannelRequest.ExitStatus s) {
            return " " + s.status();
        } else if (request instanceof ChannelRequest.ExitSignal s) {
            return " SIG" + s.signal() + (s.coreDumped() ? " (core dumped)" : "");
        }
        return "";
    }

    private static String reply(boolean wantReply) {
        return wantReply ? ", reply wanted" : "";
    }

    private static String id(int channel) {
        return Integer.toUnsignedString(channel);
    }

    /** The first bytes as quoted text, with control characters escaped. */
    static String excerpt(byte[] data) {
        String text = new String(data, 0, Math.min(EXCERPT, data.length), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"', '\\' -> b.append('\\').appendCodePoint(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append(data.length > EXCERPT ? "\"..." : "\"").toString();
    }
}
