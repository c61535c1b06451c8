package dev.keyway.connection.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ChannelRequest.*;
import java.util.Set;

/** The type-specific data of the session channel requests of RFC 4254 §6. */
final class RequestCodec {
    /** Requests a client sends to the server (RFC 4254 §6.2–§6.9). */
    private static final Set<String> TO_SERVER =
            Set.of("pty-req", "env", "shell", "exec", "subsystem", "window-change", "signal");
    /** Requests a server sends to the client (RFC 4254 §6.10). */
    private static final Set<String> TO_CLIENT = Set.of("exit-status", "exit-signal");

    private RequestCodec() {
    }

    /**
     * Whether a side acts on a request of this type; any other request is one nobody handles,
     * refused by the engine (RFC 4254 §5.4, and §6.1 for a server that asks a client for a
     * shell).
     */
    static boolean addressedTo(boolean client, ChannelRequest request) {
        return !(request instanceof OtherRequest) && (client ? TO_CLIENT : TO_SERVER).contains(request.type());
    }

    /** Whether the type is one of RFC 4254 §6 that this codec parses. */
    static boolean known(String type) {
        return TO_SERVER.contains(type) || TO_CLIENT.contains(type);
    }

    static byte[] encode(ChannelRequest request) {
        SshWriter w = new SshWriter();
        if (request instanceof PtyRequest p) {
            w.writeUtf8(p.term()).writeUint32(p.columns()).writeUint32(p.rows())
                    .writeUint32(p.widthPixels()).writeUint32(p.heightPixels()).writeString(p.modes());
        } else if (request instanceof EnvRequest e) {
            w.writeUtf8(e.name()).writeUtf8(e.value());
        } else if (request instanceof ExecRequest e) {
            w.writeString(e.command());
        } else if (request instanceof SubsystemRequest s) {
            w.writeUtf8(s.name());
        } else if (request instanceof WindowChange c) {
            w.writeUint32(c.columns()).writeUint32(c.rows()).writeUint32(c.widthPixels()).writeUint32(c.heightPixels());
        } else if (request instanceof Signal s) {
            w.writeUtf8(s.name());
        } else if (request instanceof ExitStatus s) {
            w.writeUint32(s.status());
        } else if (request instanceof ExitSignal s) {
            w.writeUtf8(s.signal()).writeBoolean(s.coreDumped()).writeUtf8(s.message()).writeUtf8(s.languageTag());
        } else if (request instanceof OtherRequest o) {
            w.writeRaw(o.data());
        }
        // ShellRequest has no type-specific data.
        return w.toByteArray();
    }

    /**
     * The most bytes of terminal modes a {@code pty-req} may carry (RFC 4254 §8): each mode is
     * five bytes and fewer than a hundred opcodes are defined.
     */
    static final int MAX_MODES = 1024;

    /** The request of a known type, or {@link OtherRequest}; malformed data is a protocol error. */
    static ChannelRequest parse(String type, byte[] data) throws SshProtocolException {
        SshReader r = new SshReader(data);
        if (type.equals("pty-req")) {
            return ptyRequest(r);
        }
        ChannelRequest request = switch (type) {
            case "env" -> new EnvRequest(r.readUtf8(), r.readUtf8());
            case "shell" -> new ShellRequest();
            case "exec" -> new ExecRequest(r.readString());
            case "subsystem" -> new SubsystemRequest(r.readUtf8());
            case "window-change" -> new WindowChange(r.readUint32(), r.readUint32(), r.readUint32(), r.readUint32());
            case "signal" -> new Signal(r.readUtf8());
            case "exit-status" -> new ExitStatus(r.readUint32());
            case "exit-signal" -> new ExitSignal(r.readUtf8(), r.readBoolean(), r.readUtf8(), r.readUtf8());
            default -> new OtherRequest(type, r.readRemaining());
        };
        r.expectEnd();
        return request;
    }

    private static PtyRequest ptyRequest(SshReader r) throws SshProtocolException {
        String term = r.readUtf8();
        int columns = r.readUint32();
        int rows = r.readUint32();
        int width = r.readUint32();
        int height = r.readUint32();
        if (r.remaining() > MAX_MODES + 4) {
            throw new dev.keyway.api.wire.WireFormatException("pty-req with more than " + MAX_MODES + " bytes of modes");
        }
        PtyRequest p = new PtyRequest(term, columns, rows, width, height, r.readString());
        r.expectEnd();
        return p;
    }
}
