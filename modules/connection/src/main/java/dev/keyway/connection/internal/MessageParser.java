package dev.keyway.connection.internal;

import static dev.keyway.connection.internal.MessageNumbers.*;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.connection.internal.ConnectionMessage.*;

/**
 * Reads one connection message (RFC 4254 §9) through the bounded {@link SshReader}: a
 * truncated, overlong or unknown message is an {@link SshProtocolException}, never anything
 * else.
 */
final class MessageParser {
    private MessageParser() {
    }

    static ConnectionMessage parse(byte[] buf, int off, int len) throws SshProtocolException {
        SshReader r = new SshReader(buf, off, len);
        int number = r.readByte();
        ConnectionMessage m = switch (number) {
            case GLOBAL_REQUEST -> new GlobalRequest(r.readUtf8(), r.readBoolean(), r.readRemaining());
            case REQUEST_SUCCESS -> new GlobalReply(true, r.readRemaining());
            case REQUEST_FAILURE -> new GlobalReply(false, new byte[0]);
            case CHANNEL_OPEN -> new ChannelOpen(r.readUtf8(), r.readUint32(), r.readUint32AsLong(),
                    r.readUint32AsLong(), r.readRemaining());
            case CHANNEL_OPEN_CONFIRMATION -> new OpenConfirmation(r.readUint32(), r.readUint32(),
                    r.readUint32AsLong(), r.readUint32AsLong(), r.readRemaining());
            case CHANNEL_OPEN_FAILURE -> new OpenFailure(r.readUint32(), r.readUint32(), r.readUtf8(), r.readUtf8());
            case CHANNEL_WINDOW_ADJUST -> new WindowAdjust(r.readUint32(), r.readUint32AsLong());
            case CHANNEL_DATA -> new Data(r.readUint32(), null, r.readString());
            case CHANNEL_EXTENDED_DATA -> new Data(r.readUint32(), r.readUint32(), r.readString());
            case CHANNEL_EOF -> new Eof(r.readUint32());
            case CHANNEL_CLOSE -> new Close(r.readUint32());
            case CHANNEL_REQUEST -> new Request(r.readUint32(), r.readUtf8(), r.readBoolean(), r.readRemaining());
            case CHANNEL_SUCCESS -> new RequestReply(r.readUint32(), true);
            case CHANNEL_FAILURE -> new RequestReply(r.readUint32(), false);
            default -> throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "message " + number + " is not a connection protocol message");
        };
        r.expectEnd();
        return m;
    }
}
