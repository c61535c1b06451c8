package dev.keyway.connection;

import dev.keyway.api.MessageSender;
import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.internal.Connection;

/**
 * One side of the SSH connection protocol (RFC 4254) as a state machine without I/O: the owner
 * passes each connection message from the peer to {@link #receive}, the engine hands its own
 * messages to the {@link MessageSender}, and reports what happened through {@link #pollEvent}.
 * No socket, thread or clock is involved, and nothing is buffered without bound: a write takes
 * only what the peer's window allows (RFC 4254 §5.2).
 *
 * <p>Wiring it to a transport: {@code new ConnectionEngine(true, config, transport::send)},
 * and a service message sink that calls {@link #receive} and, when it throws, disconnects the
 * transport with the exception's reason. Not thread-safe, like the transport engine.
 *
 * <p>Channel life (RFC 4254 §5.1, §5.3): open (the peer confirms, or the owner accepts a
 * peer's open), then EOF and CLOSE each way; the engine answers the peer's CLOSE itself, and a
 * channel's id is free for reuse once the owner polled its {@link
 * ConnectionEvent.ChannelClosed}. Operations the local caller may not make in a channel's state
 * throw {@link IllegalStateException}.
 */
public final class ConnectionEngine {
    /** The data type of stderr in SSH_MSG_CHANNEL_EXTENDED_DATA (RFC 4254 §5.2). */
    public static final int EXTENDED_DATA_STDERR = 1;

    private final Connection connection;

    /**
     * @param client whether this is the client side: it decides which channel requests are
     *        addressed to this side (RFC 4254 §6)
     * @param out receives every message this side sends, e.g. {@code SshTransport::send}
     */
    public ConnectionEngine(boolean client, ConnectionConfig config, MessageSender out) {
        this.connection = new Connection(client, config, out);
    }

    /**
     * One message from the peer, message number first, at {@code buf[off, off+len)}; the bytes
     * are only read during the call. A message that is malformed, unknown, or not allowed now
     * throws with the RFC 4253 §11.1 reason to disconnect with.
     */
    public void receive(byte[] buf, int off, int len) throws SshProtocolException {
        connection.receive(buf, off, len);
    }

    /** The next event, or null when there is none. */
    public ConnectionEvent pollEvent() {
        return connection.pollEvent();
    }

    /** RFC 4254 §6.1: opens a "session" channel and returns its id; {@link ConnectionEvent.ChannelOpened} follows. */
    public int openSession() {
        return openChannel("session", new byte[0]);
    }

    /**
     * RFC 4254 §5.1: opens a channel of any type with its type-specific data.
     *
     * @throws IllegalStateException when {@link ConnectionConfig#maxChannels()} channels exist
     */
    public int openChannel(String type, byte[] typeData) {
        return connection.openChannel(type, typeData);
    }

    /** Confirms a channel the peer asked for ({@link ConnectionEvent.ChannelOpenRequested}). */
    public void acceptOpen(int channel) {
        connection.acceptOpen(channel);
    }

    /** Refuses a channel the peer asked for, with a reason of RFC 4254 §5.1; its id is free at once. */
    public void rejectOpen(int channel, OpenFailureReason reason, String description) {
        connection.rejectOpen(channel, reason, description);
    }

    /**
     * Sends data (RFC 4254 §5.2): as much as the peer's window allows, in messages no larger than
     * its maximum packet size. Returns how many bytes were taken; the caller keeps the rest and
     * retries after {@link ConnectionEvent.WindowAdjusted}. Returns 0 once the peer has closed
     * the channel ({@link ConnectionEvent.ChannelClosed} is then queued).
     *
     * @throws IllegalStateException after this side's EOF or close, or before the channel is open
     */
    public int write(int channel, byte[] buf, int off, int len) {
        return connection.write(channel, null, buf, off, len);
    }

    /** Like {@link #write}, as SSH_MSG_CHANNEL_EXTENDED_DATA of the given type (1: stderr), same window. */
    public int writeExtended(int channel, int dataType, byte[] buf, int off, int len) {
        return connection.write(channel, dataType, buf, off, len);
    }

    /** How many bytes {@link #write} would take now. */
    public long writableBytes(int channel) {
        return connection.peerWindow(channel);
    }

    /**
     * The application took {@code n} bytes of the data delivered on the channel. The engine
     * reopens the peer's window once half the initial window has been consumed.
     *
     * @throws IllegalArgumentException when more is consumed than was delivered
     */
    public void consumed(int channel, long n) {
        connection.consumed(channel, n);
    }

    /** RFC 4254 §5.3: this side sends no more data on the channel. */
    public void sendEof(int channel) {
        connection.sendEof(channel);
    }

    /** RFC 4254 §5.3: sends CLOSE (once); the channel ends when the peer's CLOSE arrives. */
    public void close(int channel) {
        connection.close(channel);
    }

    /**
     * RFC 4254 §5.4: sends a channel request; with {@code wantReply}, the peer's answer comes as
     * {@link ConnectionEvent.ChannelRequestReplied}.
     */
    public void sendRequest(int channel, ChannelRequest request, boolean wantReply) {
        connection.sendRequest(channel, request, wantReply);
    }

    /**
     * RFC 4254 §4: sends a global request; with {@code wantReply}, the peer's answer comes as
     * {@link ConnectionEvent.GlobalRequestReplied}. A peer that does not know the name answers
     * REQUEST_FAILURE, which is what {@code keepalive@openssh.com} relies on.
     */
    public void sendGlobalRequest(String name, boolean wantReply, byte[] data) {
        connection.sendGlobalRequest(name, wantReply, data);
    }

    /**
     * Answers the oldest {@link ConnectionEvent.ChannelRequestReceived} on the channel that
     * wanted a reply and has none yet (RFC 4254 §5.4).
     */
    public void replyToRequest(int channel, boolean success) {
        connection.replyToRequest(channel, success);
    }
}
