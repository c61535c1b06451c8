package dev.keyway.transport;

import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.internal.TransportEngine;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One side of an SSH transport connection (RFC 4253) as a sans-I/O engine: it holds no
 * socket, thread or clock. The owner feeds it the peer's bytes with {@link #receive}, sends
 * what {@link #readOutput} gives to the peer, and acts on the {@link TransportEvent}s from
 * {@link #pollEvent}. Errors caused by the peer never throw: they end the connection with
 * SSH_MSG_DISCONNECT and a {@link TransportEvent.Disconnected} event.
 *
 * <p>A new engine has already queued its identification string and KEXINIT. It is not
 * thread-safe.
 */
public final class SshTransport {
    private final TransportEngine engine;

    private SshTransport(boolean client, TransportConfig config, UnaryOperator<KexInit> firstKexInit) {
        this.engine = new TransportEngine(client, config, firstKexInit);
    }

    /** The client side; the config's host key verifier decides on the server's key. */
    public static SshTransport client(TransportConfig config) {
        return new SshTransport(true, config, UnaryOperator.identity());
    }

    /**
     * A client whose first KEXINIT is {@code firstKexInit} applied to the one it would send,
     * and which goes on as if it had built that one itself (it is hashed into H as sent): for
     * tests that play a peer no honest client is, such as one announcing a wrongly guessed
     * packet ({@code first_kex_packet_follows}, RFC 4253 §7) that it then sends with
     * {@link #dangerSendRawPayload}. The engine acts on none of the changed fields itself.
     */
    public static SshTransport dangerClient(TransportConfig config, UnaryOperator<KexInit> firstKexInit) {
        return new SshTransport(true, config, firstKexInit);
    }

    /** The server side; the config must hold at least one host key. */
    public static SshTransport server(TransportConfig config) {
        if (config.hostKeys().isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one host key");
        }
        return new SshTransport(false, config, UnaryOperator.identity());
    }

    /** Feeds bytes received from the peer. */
    public void receive(byte[] data, int off, int len) {
        engine.receive(data, off, len);
    }

    public void receive(byte[] data) {
        engine.receive(data, 0, data.length);
    }

    /** Bytes ready to be sent to the peer now. */
    public int pendingOutput() {
        return engine.pendingOutput();
    }

    /**
     * Everything waiting for the peer: bytes ready to send and messages held while a key
     * exchange runs. A layer that produces output on its own (channel data) stops while
     * {@link #isSaturated()}.
     */
    public long outputBacklog() {
        return engine.outputBacklog();
    }

    /**
     * How many more bytes of output the engine takes before it is {@linkplain #isSaturated()
     * saturated}: what a layer that produces data on its own (channel data) may send now.
     */
    public long outputRoom() {
        return engine.outputRoom();
    }

    /**
     * Whether the output backlog reached the high-water mark
     * ({@link TransportConfig#outputHighWater()}): the engine then takes no more packets from
     * its input, and whoever writes to it should wait for the backlog to drain.
     */
    public boolean isSaturated() {
        return engine.saturated();
    }

    /**
     * Whether the engine takes more input now: false once it is closed, while its output is
     * saturated, or while input is paused. The owner stops reading from the peer until it is
     * true again, then calls {@link #processInput()}; input given anyway is buffered, up to one
     * packet and one read more.
     */
    public boolean wantsInput() {
        return engine.wantsInput();
    }

    /** Runs the protocol over input that was held back; call when {@link #wantsInput()} turns true. */
    public void processInput() {
        engine.processInput();
    }

    /**
     * Holds back the packets that arrive, buffered, until {@link #resumeInput()}: for an owner
     * whose layer above waits on something (an authentication check) before its next message.
     */
    public void pauseInput() {
        engine.pauseInput();
    }

    /** Takes packets again, starting with those held back. */
    public void resumeInput() {
        engine.resumeInput();
    }

    /** The largest payload {@link #send} takes. */
    public int maxPayload() {
        return engine.maxPayload();
    }

    /** Takes up to {@code len} bytes to send; returns how many were taken. */
    public int readOutput(byte[] dst, int off, int len) {
        return engine.readOutput(dst, off, len);
    }

    /** Takes as many bytes to send as fit in {@code dst}. */
    public int readOutput(ByteBuffer dst) {
        return engine.readOutput(dst);
    }

    /** The next event, or null if none is pending. */
    public TransportEvent pollEvent() {
        return engine.pollEvent();
    }

    /**
     * Hands service messages to {@code sink} as they are opened, without a copy, instead of
     * queuing them as {@link TransportEvent.ServiceMessage} events. Null restores the events.
     */
    public void setServiceMessageSink(ServiceMessageSink sink) {
        engine.setServiceMessageSink(sink);
    }

    /**
     * Sends a message of a layer above the transport (SERVICE_REQUEST/ACCEPT or a number of 50
     * and up). It is held while a key exchange runs and sent after NEWKEYS.
     *
     * @throws IllegalArgumentException for a transport-layer message number or an oversized payload
     * @throws IllegalStateException after the connection is closed
     */
    public void send(byte[] payload) {
        engine.send(payload);
    }

    /**
     * Sends any payload as one packet under the current keys, past every rule of the protocol
     * (a second NEWKEYS, a message number nobody assigned, a KEXINIT in the middle of an
     * exchange): for tests and fuzzers that play a hostile peer against another engine. A
     * session that uses it is no longer SSH.
     *
     * @return the packet's sequence number (RFC 4253 §6.4), which the peer's
     *     SSH_MSG_UNIMPLEMENTED names ({@link TransportEvent.UnimplementedReceived})
     */
    public int dangerSendRawPayload(byte[] payload) {
        return engine.dangerSendRawPayload(payload);
    }

    /** Sends SSH_MSG_IGNORE with the given data (RFC 4253 §11.2). */
    public void sendIgnore(byte[] data) {
        engine.sendIgnore(data);
    }

    /** Sends SSH_MSG_DEBUG (RFC 4253 §11.3). */
    public void sendDebug(boolean alwaysDisplay, String message) {
        engine.sendDebug(alwaysDisplay, message);
    }

    /** Starts a key re-exchange now (RFC 4253 §9), unless one is running. */
    public void requestRekey() {
        engine.requestRekey();
    }

    /** Sends SSH_MSG_DISCONNECT and closes; output already queued stays readable. */
    public void disconnect(DisconnectReason reason, String description) {
        engine.disconnect(reason, description);
    }

    /**
     * Tells the engine that the byte stream ended or broke without an SSH_MSG_DISCONNECT; it
     * closes and reports {@link TransportEvent.Disconnected} with CONNECTION_LOST.
     */
    public void connectionLost(String why) {
        engine.connectionLost(why);
    }

    public boolean isClosed() {
        return engine.isClosed();
    }

    /** Whether the first key exchange has completed both ways and the connection is open. */
    public boolean isEstablished() {
        return engine.isEstablished();
    }

    /** The session identifier: H of the first key exchange (RFC 4253 §7.2). */
    public Optional<byte[]> sessionId() {
        return engine.sessionId();
    }

    /** The algorithms of the key exchange in force (or in progress after its NEWKEYS). */
    public Optional<NegotiatedAlgorithms> algorithms() {
        return engine.algorithms();
    }

    /** The peer's identification string, once received. */
    public Optional<String> peerIdentification() {
        return engine.peerIdentification();
    }
}
