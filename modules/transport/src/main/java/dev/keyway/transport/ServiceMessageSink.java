package dev.keyway.transport;

/**
 * Receives the messages of the layers above the transport straight from the engine's input
 * buffer, without the copy that a {@link TransportEvent.ServiceMessage} makes. The bytes are
 * valid only during the call: a consumer copies what it keeps (a channel copies data into its
 * window buffer, the one copy it needs anyway).
 */
@FunctionalInterface
public interface ServiceMessageSink {

    /**
     * One message, message number first, at {@code buf[off, off+len)}.
     *
     * @return false when no layer knows the message number: the transport answers
     *     SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4)
     */
    boolean accept(byte[] buf, int off, int len);
}
