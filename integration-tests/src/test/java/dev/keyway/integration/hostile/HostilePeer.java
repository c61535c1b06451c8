package dev.keyway.integration.hostile;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.integration.openssh.BlockingTransport;
import dev.keyway.integration.openssh.Deadline;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;

/**
 * The attacker: a Keyway client engine ({@link PeerSetup}) over a TCP connection to the server
 * under attack on 127.0.0.1, run in the calling thread by a {@link BlockingTransport}. It
 * talks as an honest client until a case takes over, then sends whatever the case crafts:
 * payloads as packets under the keys in force ({@link SshTransport#dangerSendRawPayload}) or
 * bytes on the socket past the engine. Its engine still reads everything the server says, so
 * the server's reactions arrive decrypted: a message above the transport, SSH_MSG_UNIMPLEMENTED,
 * SSH_MSG_DISCONNECT, or the end of the connection. Every wait is bounded by the deadline.
 */
final class HostilePeer implements AutoCloseable {
    private final BlockingTransport transport;
    private final Deadline deadline;
    private int lastSequence = -1;
    private int nextChannel;
    /** The server's id of the channel the stage opened, if it opened one. */
    private int channel = -1;

    private HostilePeer(BlockingTransport transport, Deadline deadline) {
        this.transport = transport;
        this.deadline = deadline;
    }

    static HostilePeer connect(int port, PeerSetup setup, AlgorithmRegistry registry, Deadline deadline)
            throws IOException {
        return new HostilePeer(BlockingTransport.connect(port, setup.newClient(registry), deadline), deadline);
    }

    SshTransport engine() {
        return transport.engine();
    }

    /** Sends what the engine has queued (its identification and KEXINIT, at first). */
    void flush() throws IOException {
        transport.flush();
    }

    /** Sends a message as an honest client would (held while a key exchange runs). */
    void send(byte[] payload) throws IOException {
        engine().send(payload);
        transport.flush();
    }

    /** Sends any payload as one packet under the current keys, and remembers its sequence number. */
    void sendRaw(byte[] payload) throws IOException {
        lastSequence = engine().dangerSendRawPayload(payload);
        transport.flush();
    }

    /** The sequence number of the last packet {@link #sendRaw} sent (RFC 4253 §6.4). */
    int lastSequence() {
        return lastSequence;
    }

    /** Writes bytes on the socket as they are, after what the engine had queued. */
    void writeWire(byte[] bytes) throws IOException {
        transport.writeRaw(bytes);
    }

    /** Takes what the engine queued without sending it, to alter it before {@link #writeWire}. */
    byte[] takeOutput() {
        return transport.takeOutput();
    }

    /**
     * Drops the identification and KEXINIT the engine queued and writes {@code bytes} instead:
     * the server hears only what the case crafted. The engine goes on reading the server.
     */
    void openWith(byte[] bytes) throws IOException {
        transport.takeOutput();
        transport.writeRaw(bytes);
    }

    /**
     * The server's next reaction: a message above the transport, its SSH_MSG_UNIMPLEMENTED or
     * its DISCONNECT; null when it closed the connection without either. The transport's own
     * reports (KEXINIT, NEWKEYS, EXT_INFO, ...) are passed over.
     */
    TransportEvent next() throws IOException {
        while (true) {
            TransportEvent e = transport.next(deadline);
            if (e == null || isReaction(e)) {
                return e;
            }
        }
    }

    private static boolean isReaction(TransportEvent e) {
        return e instanceof TransportEvent.ServiceMessage || e instanceof TransportEvent.UnimplementedReceived
                || e instanceof TransportEvent.Disconnected;
    }

    /** The next reaction, which must be a message of this number; fails with the session so far otherwise. */
    byte[] expect(int messageNumber, String what) throws IOException {
        TransportEvent e = next();
        if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == messageNumber) {
            return m.payload();
        }
        throw new AssertionError("expected " + what + ", got " + describe(e) + "; session:" + transport.describe());
    }

    /**
     * Reads until the transport reports an event of this type, sending what the engine queues
     * meanwhile (its ECDH_INIT, its NEWKEYS); any reaction of the server before that fails.
     */
    void awaitTransport(Class<? extends TransportEvent> type, String what) throws IOException {
        while (true) {
            TransportEvent e = transport.next(deadline);
            if (type.isInstance(e)) {
                return;
            }
            if (e == null || isReaction(e)) {
                throw new AssertionError("expected " + what + ", got " + describe(e) + "; session:" + transport.describe());
            }
        }
    }

    /** Reads until the key exchange is complete both ways. */
    void awaitKeys() throws IOException {
        awaitTransport(TransportEvent.KeysEstablished.class, "the key exchange to complete");
    }

    /** Reads until the server closes the connection. */
    void awaitEnd() throws IOException {
        transport.awaitEndOfStream(deadline);
    }

    /** Opens a session channel (RFC 4254 §6.1) with this window and maximum packet; returns the server's id. */
    int openSession(long window, long maxPacket) throws IOException {
        send(Wire.channelOpen("session", nextChannel++, window, maxPacket));
        byte[] confirmation = expect(Wire.CHANNEL_OPEN_CONFIRMATION, "SSH_MSG_CHANNEL_OPEN_CONFIRMATION");
        return uint32(confirmation, 5);
    }

    /** The server's id of the channel the stage opened. */
    int channel() {
        return channel;
    }

    void channel(int id) {
        channel = id;
    }

    /** A summary of what the server did, for failure messages. */
    String describe(TransportEvent e) {
        if (e == null) {
            return "the end of the connection";
        }
        if (e instanceof TransportEvent.ServiceMessage m) {
            return "message " + m.messageNumber() + " (" + m.payload().length + " bytes)";
        }
        return e.toString();
    }

    /** The uint32 at {@code off} (RFC 4251 §5). */
    static int uint32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
