package dev.keyway.connection.internal;

import static dev.keyway.connection.internal.MessageNumbers.*;

import dev.keyway.api.wire.SshWriter;

/**
 * One message of RFC 4254 §9 as a value. Channel ids and window sizes are uint32 on the wire:
 * ids are kept as the int of the same bits, sizes as non-negative longs. {@link MessageParser}
 * reads them; {@link #toPayload()} writes them.
 */
sealed interface ConnectionMessage {

    /** Writes the whole message, number first. */
    void encode(SshWriter w);

    default byte[] toPayload() {
        SshWriter w = new SshWriter();
        encode(w);
        return w.toByteArray();
    }

    /** A message about one channel, named by the receiver's id for it. */
    sealed interface Addressed extends ConnectionMessage {
        int recipient();
    }

    /** RFC 4254 §4. */
    record GlobalRequest(String name, boolean wantReply, byte[] data) implements ConnectionMessage {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(GLOBAL_REQUEST).writeUtf8(name).writeBoolean(wantReply).writeRaw(data);
        }
    }

    /** RFC 4254 §4: SSH_MSG_REQUEST_SUCCESS may carry request-specific data; FAILURE carries none. */
    record GlobalReply(boolean success, byte[] data) implements ConnectionMessage {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(success ? REQUEST_SUCCESS : REQUEST_FAILURE).writeRaw(data);
        }
    }

    /** RFC 4254 §5.1. */
    record ChannelOpen(String type, int sender, long window, long maxPacket, byte[] data)
            implements ConnectionMessage {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_OPEN).writeUtf8(type).writeUint32(sender).writeUint32(window)
                    .writeUint32(maxPacket).writeRaw(data);
        }
    }

    /** RFC 4254 §5.1. */
    record OpenConfirmation(int recipient, int sender, long window, long maxPacket, byte[] data)
            implements ConnectionMessage {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_OPEN_CONFIRMATION).writeUint32(recipient).writeUint32(sender)
                    .writeUint32(window).writeUint32(maxPacket).writeRaw(data);
        }
    }

    /** RFC 4254 §5.1. */
    record OpenFailure(int recipient, int reasonCode, String description, String language)
            implements ConnectionMessage {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_OPEN_FAILURE).writeUint32(recipient).writeUint32(reasonCode)
                    .writeUtf8(description).writeUtf8(language);
        }
    }

    /** RFC 4254 §5.2. */
    record WindowAdjust(int recipient, long bytes) implements Addressed {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_WINDOW_ADJUST).writeUint32(recipient).writeUint32(bytes);
        }
    }

    /** RFC 4254 §5.2; {@code dataType} is null for SSH_MSG_CHANNEL_DATA, else the extended type. */
    record Data(int recipient, Integer dataType, byte[] data) implements Addressed {
        @Override
        public void encode(SshWriter w) {
            write(w, recipient, dataType, data, 0, data.length);
        }

        /** Encodes straight from the caller's buffer, the one copy the write path makes. */
        static byte[] payload(int recipient, Integer dataType, byte[] buf, int off, int len) {
            SshWriter w = new SshWriter(len + 13);
            write(w, recipient, dataType, buf, off, len);
            return w.toByteArray();
        }

        private static void write(SshWriter w, int recipient, Integer dataType, byte[] buf, int off, int len) {
            if (dataType == null) {
                w.writeByte(CHANNEL_DATA).writeUint32(recipient);
            } else {
                w.writeByte(CHANNEL_EXTENDED_DATA).writeUint32(recipient).writeUint32(dataType);
            }
            w.writeString(buf, off, len);
        }
    }

    /** RFC 4254 §5.3: EOF and CLOSE carry only the recipient channel. */
    record Eof(int recipient) implements Addressed {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_EOF).writeUint32(recipient);
        }
    }

    /** RFC 4254 §5.3. */
    record Close(int recipient) implements Addressed {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_CLOSE).writeUint32(recipient);
        }
    }

    /** RFC 4254 §5.4; {@code data} is the type-specific part, read by {@link RequestCodec}. */
    record Request(int recipient, String type, boolean wantReply, byte[] data) implements Addressed {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(CHANNEL_REQUEST).writeUint32(recipient).writeUtf8(type).writeBoolean(wantReply)
                    .writeRaw(data);
        }
    }

    /** RFC 4254 §5.4: SSH_MSG_CHANNEL_SUCCESS or FAILURE. */
    record RequestReply(int recipient, boolean success) implements Addressed {
        @Override
        public void encode(SshWriter w) {
            w.writeByte(success ? CHANNEL_SUCCESS : CHANNEL_FAILURE).writeUint32(recipient);
        }
    }
}
