package dev.keyway.transport.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.ServiceMessageSink;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import dev.keyway.transport.internal.KexTransitions.Row;
import dev.keyway.transport.internal.KexTransitions.Side;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The SSH transport protocol (RFC 4253) as a state machine without I/O: bytes in, bytes and
 * events out. What the peer may send in each {@link KexState} is the table
 * {@link KexTransitions}; this class carries out the table's actions, moves bytes, holds the
 * layers' messages during exchanges and watches the keys' lifetime. The message flows of a key
 * exchange live in {@link KeyExchangeFlow}.
 *
 * <p>Backpressure: once the bytes ready for the peer reach the configured high-water mark,
 * the engine stops taking packets out of its input and {@link #wantsInput()} turns false, so
 * its owner stops reading the socket; input that already arrived stays buffered until
 * {@link #processInput()} after the output drained. Messages held during a key exchange count
 * towards the room left for producers ({@link #outputRoom()}) but do not stop the input: the
 * exchange can only finish by reading the peer's messages. They are bounded instead: a peer
 * that makes this side hold more than twice the mark without finishing the exchange is
 * disconnected. The owner may also pause input ({@link #pauseInput}), e.g. while an
 * authentication check runs. Not thread-safe: one owner drives it.
 */
public final class TransportEngine {
    /**
     * How much input may wait unprocessed beyond one maximum-size packet: what one read of
     * the owner's buffer brings after the engine stopped taking packets.
     */
    private static final int INPUT_SLACK = 64 * 1024;

    private final boolean client;
    private final Side side;
    private final TransportConfig config;
    private final KeyExchangeFlow flow;
    /** Small to start with: an idle session should cost little; the queues grow with traffic. */
    private final ByteQueue in = new ByteQueue(2 * 1024);
    private final ByteQueue out = new ByteQueue(2 * 1024);
    private final PacketReader reader;
    private final PacketWriter writer;
    private final VersionExchange versionExchange;
    private final ArrayDeque<TransportEvent> events = new ArrayDeque<>();
    /** Messages of the layers above, held while an exchange runs (RFC 4253 §7.1). */
    private final HeldMessages held = new HeldMessages();
    private final KeyLifetime lifetime;
    private final CompressionStreams compression;

    private KexState state = KexState.FIRST_KEXINIT;
    private boolean versionReceived;
    private String peerIdentification;
    private byte[] sessionId;
    private ServerHostKey firstHostKey;
    private NegotiatedAlgorithms algorithms;
    private int completedExchanges;
    private long packetsReceived;
    private boolean strict;
    private boolean peerWantsExtInfo;
    /**
     * Whether SSH_MSG_USERAUTH_SUCCESS has passed: it decides which open state an exchange
     * returns to ({@link KexState#OPEN_UNAUTHENTICATED} or {@link KexState#OPEN}).
     */
    private boolean authenticated;
    private KexRound kex;
    private ServiceMessageSink sink;
    private boolean inputPaused;
    /** Whether packets are being taken now: a sink that resumes input must not start a second loop. */
    private boolean processing;

    /**
     * @param firstKexInit what becomes of this side's first KEXINIT before it is sent: the
     *     identity but for hostile-peer tests ({@code SshTransport.dangerClient})
     */
    public TransportEngine(boolean client, TransportConfig config, UnaryOperator<KexInit> firstKexInit) {
        this.client = client;
        this.side = client ? Side.CLIENT : Side.SERVER;
        this.config = config;
        this.flow = new KeyExchangeFlow(client, config, firstKexInit);
        this.reader = new PacketReader(config.maxPacketLength());
        this.writer = new PacketWriter(out, config.random());
        this.versionExchange = new VersionExchange(client);
        this.lifetime = new KeyLifetime(config.rekeyAfterBytes(), config.rekeyAfterPackets());
        this.compression = new CompressionStreams(config.registry(), writer, reader);
        byte[] id = VersionExchange.identificationLine(config.identification());
        out.append(id, 0, id.length);
        events.add(new TransportEvent.IdentificationSent(config.identification()));
        // RFC 4253 §7.1: key exchange begins right away; no need to wait for the peer's version.
        sendKexInit(true);
    }

    // ---------------------------------------------------------------- owner's interface

    /**
     * Feeds bytes from the peer and runs the protocol as far as they and the output's
     * high-water mark allow.
     *
     * @throws IllegalStateException when the owner keeps feeding input the engine said it does
     *     not want, beyond one packet and one read more
     */
    public void receive(byte[] b, int off, int len) {
        if (state == KexState.CLOSED) {
            return;
        }
        if (in.size() + len > config.maxPacketLength() + INPUT_SLACK + 64) {
            throw new IllegalStateException("input fed while the engine does not want it (" + in.size() + " bytes wait)");
        }
        in.append(b, off, len);
        processInput();
    }

    /**
     * Runs the protocol over input that waited (after a pause, or for output to drain). Called
     * from within a sink, it only lets the loop already running go on.
     */
    public void processInput() {
        if (state == KexState.CLOSED || processing) {
            return;
        }
        processing = true;
        try {
            process();
        } catch (SshProtocolException e) {
            disconnect(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            // A provider or engine defect must not escape into the owner's thread as peer-triggered failure.
            disconnect(DisconnectReason.PROTOCOL_ERROR, "internal error: " + e.getClass().getSimpleName());
        } finally {
            processing = false;
        }
    }

    /** Whether the engine takes more input now; the owner stops reading while it does not. */
    public boolean wantsInput() {
        return state != KexState.CLOSED && !inputPaused && !saturated();
    }

    /** Holds packets that arrive back (they stay buffered) until {@link #resumeInput}. */
    public void pauseInput() {
        inputPaused = true;
    }

    /** Takes packets again, starting with those that waited. */
    public void resumeInput() {
        inputPaused = false;
        processInput();
    }

    /** Whether the bytes ready for the peer have reached the high-water mark. */
    public boolean saturated() {
        return out.size() >= config.outputHighWater();
    }

    /** How many more bytes the output takes before it reaches the high-water mark. */
    public long outputRoom() {
        return Math.max(0, config.outputHighWater() - outputBacklog());
    }

    /** Bytes ready to be sent. */
    public int pendingOutput() {
        return out.size();
    }

    /** Everything waiting for the peer: bytes ready to send and messages held during an exchange. */
    public long outputBacklog() {
        return out.size() + held.bytes();
    }

    public int readOutput(byte[] dst, int off, int len) {
        return out.read(dst, off, len);
    }

    public int readOutput(ByteBuffer dst) {
        return out.read(dst);
    }

    public TransportEvent pollEvent() {
        return events.poll();
    }

    /** Hands later service messages to {@code sink} instead of queuing copies as events. */
    public void setServiceMessageSink(ServiceMessageSink sink) {
        this.sink = sink;
    }

    /** Sends a message of a layer above; held until keys are in force and no exchange runs. */
    public void send(byte[] payload) {
        if (payload.length == 0 || !MessageNumbers.isServiceMessage(payload[0] & 0xff)) {
            throw new IllegalArgumentException("not a service-layer message");
        }
        if (payload.length > maxPayload()) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is too large");
        }
        if (state == KexState.CLOSED) {
            throw new IllegalStateException("transport is closed");
        }
        if (!client && (payload[0] & 0xff) == MessageNumbers.USERAUTH_SUCCESS) {
            authenticate();
        }
        if (state.holdsOutgoing()) {
            hold(payload.clone());
        } else {
            writeServiceMessage(payload);
        }
    }

    /**
     * A service message onto the wire. A server's USERAUTH_SUCCESS goes uncompressed and starts
     * delayed compression (zlib@openssh.com) both ways right after it, as OpenSSH does.
     */
    private void writeServiceMessage(byte[] payload) {
        writePacket(payload);
        if (!client && (payload[0] & 0xff) == MessageNumbers.USERAUTH_SUCCESS) {
            compression.startDelayed();
        }
    }

    /**
     * Keeps a message until our NEWKEYS (RFC 4253 §7.1). Producers stop at the high-water mark,
     * so only replies to what the peer sends during the exchange can take the held bytes
     * beyond twice the mark, and such a peer is cut off rather than buffered for.
     */
    private void hold(byte[] payload) {
        held.add(payload);
        if (held.bytes() > 2L * config.outputHighWater()) {
            disconnect(DisconnectReason.PROTOCOL_ERROR,
                    "too much to hold back while the peer does not finish the key exchange");
        }
    }

    /**
     * The largest payload {@link #send} takes: what a packet of the maximum length carries,
     * with room for the padding and for what zlib adds to a payload it cannot shrink (about
     * five bytes per 16 KiB), so that a compressed packet never exceeds the peer's limit.
     */
    public int maxPayload() {
        return config.maxPacketLength() - 256;
    }

    /**
     * Any payload as one packet under the current keys, past every rule: for hostile-peer
     * tests. Returns the packet's sequence number.
     */
    public int dangerSendRawPayload(byte[] payload) {
        if (state == KexState.CLOSED) {
            throw new IllegalStateException("transport is closed");
        }
        int sequenceNumber = writer.sequenceNumber();
        writer.write(payload);
        return sequenceNumber;
    }

    /** Sends SSH_MSG_IGNORE (RFC 4253 §11.2), e.g. as traffic-analysis cover. */
    public void sendIgnore(byte[] data) {
        sendTransportMessage(new SshWriter(data.length + 5).writeByte(MessageNumbers.IGNORE).writeString(data).toByteArray());
    }

    /** Sends SSH_MSG_DEBUG (RFC 4253 §11.3). */
    public void sendDebug(boolean alwaysDisplay, String message) {
        sendTransportMessage(new SshWriter().writeByte(MessageNumbers.DEBUG).writeBoolean(alwaysDisplay)
                .writeUtf8(message).writeUtf8("").toByteArray());
    }

    private void sendTransportMessage(byte[] payload) {
        if (state == KexState.CLOSED) {
            throw new IllegalStateException("transport is closed");
        }
        // Strict KEX forbids anything but key exchange messages during the first exchange.
        if (state.holdsOutgoing()) {
            hold(payload);
        } else {
            writePacket(payload);
        }
    }

    /** Starts a key re-exchange (RFC 4253 §9) unless one is running or keys are not yet in force. */
    public void requestRekey() {
        if (state != KexState.CLOSED) {
            try {
                on(TransportInput.REKEY_REQUESTED, null, 0, 0);
            } catch (SshProtocolException e) {
                disconnect(e.reason(), e.getMessage());
            }
        }
    }

    /** Sends SSH_MSG_DISCONNECT (RFC 4253 §11.1) and closes; pending output stays readable. */
    public void disconnect(DisconnectReason reason, String description) {
        if (state == KexState.CLOSED) {
            return;
        }
        writer.write(new SshWriter().writeByte(MessageNumbers.DISCONNECT).writeUint32(reason.code())
                .writeUtf8(description).writeUtf8("").toByteArray());
        close(new TransportEvent.Disconnected(reason, description, false));
    }

    /** The byte stream ended without a DISCONNECT: closes and reports CONNECTION_LOST. */
    public void connectionLost(String why) {
        if (state != KexState.CLOSED) {
            close(new TransportEvent.Disconnected(DisconnectReason.CONNECTION_LOST, why, true));
        }
    }

    public boolean isClosed() {
        return state == KexState.CLOSED;
    }

    /** Whether the first key exchange is complete in both directions. */
    public boolean isEstablished() {
        return state.keysInForce();
    }

    public Optional<byte[]> sessionId() {
        return Optional.ofNullable(sessionId).map(byte[]::clone);
    }

    public Optional<NegotiatedAlgorithms> algorithms() {
        return Optional.ofNullable(algorithms);
    }

    public Optional<String> peerIdentification() {
        return Optional.ofNullable(peerIdentification);
    }

    // ---------------------------------------------------------------- input

    private void process() throws SshProtocolException {
        if (!versionReceived) {
            Optional<String> id = versionExchange.read(in);
            if (id.isEmpty()) {
                return;
            }
            peerIdentification = id.get();
            versionReceived = true;
            events.add(new TransportEvent.IdentificationReceived(peerIdentification, versionExchange.preamble()));
        }
        while (state != KexState.CLOSED && !inputPaused && !saturated() && reader.next(in)) {
            byte[] b = reader.payloadArray();
            int off = reader.payloadOffset();
            int len = reader.payloadLength();
            packetsReceived++;
            try {
                on(TransportInput.of(b[off] & 0xff), b, off, len);
            } finally {
                reader.release(in);
            }
            checkKeyLifetime();
        }
    }

    /** Looks the input up in the table and carries out its row. */
    private void on(TransportInput input, byte[] b, int off, int len) throws SshProtocolException {
        Row row = KexTransitions.lookup(side, state, input);
        switch (row.action()) {
            case CLOSE_BY_PEER -> onDisconnect(new SshReader(b, off + 1, len - 1));
            case NOTHING -> { }
            case REPORT_DEBUG -> onDebug(new SshReader(b, off + 1, len - 1));
            case PEER_UNIMPLEMENTED -> onUnimplemented(new SshReader(b, off + 1, len - 1));
            case REPLY_UNIMPLEMENTED, REFUSE_KEXINIT -> writer.write(new SshWriter(8)
                    .writeByte(MessageNumbers.UNIMPLEMENTED).writeUint32(reader.packetSequenceNumber()).toByteArray());
            case EXTENSIONS -> onExtInfo(new SshReader(b, off + 1, len - 1));
            case NEGOTIATE -> onKexInit(b, off, len);
            case KEX_METHOD_MESSAGE -> onKexMethodMessage(b[off] & 0xff, new SshReader(b, off + 1, len - 1));
            case TAKE_NEWKEYS -> onNewKeys(len);
            case DELIVER -> onServiceMessage(b, off, len);
            case DROP_GUESSED -> state = state == KexState.FIRST_GUESS
                    ? (strict ? KexState.FIRST_EXCHANGE_STRICT : KexState.FIRST_EXCHANGE) : KexState.REKEY_EXCHANGE;
            case START_REKEY -> sendKexInit(false);
            case PROTOCOL_ERROR -> throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    b == null ? row.rule() : row.rule() + " (" + MessageNumbers.nameOf(b[off] & 0xff) + ")");
            case KEYS_WORN_OUT -> throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, row.rule());
        }
    }

    private void onDisconnect(SshReader r) {
        DisconnectReason reason;
        String description;
        try {
            reason = DisconnectReason.of(r.readUint32());
            description = r.readUtf8();
        } catch (SshProtocolException e) {
            reason = DisconnectReason.PROTOCOL_ERROR;
            description = "(malformed SSH_MSG_DISCONNECT)";
        }
        close(new TransportEvent.Disconnected(reason, description, true));
    }

    /**
     * RFC 4253 §11.4. The one case that matters is a peer refusing our KEXINIT, as sshd does
     * before user authentication: a first exchange cannot go on without it, but a refused
     * re-exchange is dropped, and the connection goes on with the keys it has instead of
     * holding every message forever, until as much traffic again has passed.
     */
    private void onUnimplemented(SshReader r) throws SshProtocolException {
        int rejected = r.readUint32();
        events.add(new TransportEvent.UnimplementedReceived(rejected));
        if (state != KexState.FIRST_KEXINIT && state != KexState.REKEY_KEXINIT || rejected != kex.ourKexInitSequence) {
            return;
        }
        if (state == KexState.FIRST_KEXINIT) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "the peer refused our SSH_MSG_KEXINIT");
        }
        kex = null;
        state = openState();
        lifetime.postpone(reader.bytesSinceKeys() + writer.bytesSinceKeys(), packetsSinceKeys());
        events.add(new TransportEvent.DebugMessage(false, "the peer refused a key re-exchange; the current keys stay"));
        flushHeld();
    }

    private void onDebug(SshReader r) throws SshProtocolException {
        boolean always = r.readBoolean();
        String message = r.readUtf8();
        events.add(new TransportEvent.DebugMessage(always, message));
    }

    /** RFC 8308 §2.3; a peer may list a few extensions, not thousands. */
    private void onExtInfo(SshReader r) throws SshProtocolException {
        long count = r.readUint32AsLong();
        if (count > MAX_EXTENSIONS) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "SSH_MSG_EXT_INFO with " + count + " extensions, more than " + MAX_EXTENSIONS);
        }
        Map<String, byte[]> extensions = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            extensions.put(r.readUtf8(), r.readString());
        }
        events.add(new TransportEvent.ExtensionInfo(extensions));
    }

    /** RFC 8308 defines a handful of extensions; OpenSSH sends four at most. */
    private static final int MAX_EXTENSIONS = 64;

    private void onServiceMessage(byte[] b, int off, int len) {
        boolean success = client && (b[off] & 0xff) == MessageNumbers.USERAUTH_SUCCESS;
        if (success) {
            authenticate();
            // The next packet either way is compressed under zlib@openssh.com (OpenSSH's client).
            compression.startDelayed();
        }
        if (sink != null) {
            if (!sink.accept(b, off, len)) {
                // RFC 4253 §11.4: no layer above knows the number.
                writer.write(new SshWriter(8).writeByte(MessageNumbers.UNIMPLEMENTED)
                        .writeUint32(reader.packetSequenceNumber()).toByteArray());
            }
            if (MessageNumbers.isUserAuth(b[off] & 0xff)) {
                // A password or keyboard-interactive answers, decrypted in place: the sink has
                // read them, and the input buffer is not left holding them until overwritten.
                Arrays.fill(b, off, off + len, (byte) 0);
            }
        } else {
            events.add(new TransportEvent.ServiceMessage(Arrays.copyOfRange(b, off, off + len)));
        }
    }

    /** USERAUTH_SUCCESS passed: re-exchanges by volume may start from now on. */
    private void authenticate() {
        authenticated = true;
        if (state == KexState.OPEN_UNAUTHENTICATED) {
            state = KexState.OPEN;
        }
    }

    private KexState openState() {
        return authenticated ? KexState.OPEN : KexState.OPEN_UNAUTHENTICATED;
    }

    // ---------------------------------------------------------------- key exchange

    private void sendKexInit(boolean first) {
        kex = flow.begin(first);
        kex.ourKexInitSequence = writer.sequenceNumber();
        writer.write(kex.ourKexInitPayload);
        events.add(new TransportEvent.KexInitSent(kex.ourKexInit));
        state = first ? KexState.FIRST_KEXINIT : KexState.REKEY_KEXINIT;
    }

    private void onKexInit(byte[] b, int off, int len) throws SshProtocolException {
        if (len > KexInit.MAX_LENGTH) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "SSH_MSG_KEXINIT of " + len + " bytes");
        }
        if (state == KexState.OPEN || state == KexState.OPEN_UNAUTHENTICATED) {
            sendKexInit(false); // RFC 4253 §7.1: answer the peer's KEXINIT with ours
        }
        boolean first = state == KexState.FIRST_KEXINIT;
        byte[] payload = Arrays.copyOfRange(b, off, off + len);
        KexInit peer = KexInit.decode(payload);
        events.add(new TransportEvent.KexInitReceived(peer));
        if (first) {
            strict = flow.strictWith(peer);
            if (strict && packetsReceived != 1) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "strict KEX: SSH_MSG_KEXINIT was not the first packet");
            }
            peerWantsExtInfo = flow.peerWantsExtInfo(peer);
        }
        boolean dropGuess = flow.negotiate(kex, peer, payload);
        events.add(new TransportEvent.AlgorithmsNegotiated(kex.negotiated, strict));
        if (dropGuess) {
            state = first ? KexState.FIRST_GUESS : KexState.REKEY_GUESS;
        } else {
            state = !first ? KexState.REKEY_EXCHANGE : strict ? KexState.FIRST_EXCHANGE_STRICT : KexState.FIRST_EXCHANGE;
        }
        if (client) {
            byte[] init = flow.clientInit(kex);
            writer.write(init);
            events.add(new TransportEvent.KexEcdhInit(true, init.length - 5, kex.algorithm.valueParts(true)));
        }
    }

    private void onKexMethodMessage(int number, SshReader r) throws SshProtocolException {
        int expected = client ? MessageNumbers.KEX_ECDH_REPLY : MessageNumbers.KEX_ECDH_INIT;
        if (number != expected) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "unexpected " + MessageNumbers.nameOf(number));
        }
        if (client) {
            onEcdhReply(r);
        } else {
            String clientVersion = peerIdentification;
            byte[] reply = flow.serverReply(kex, r, clientVersion);
            events.add(new TransportEvent.KexEcdhInit(false, kex.peerValueLength, kex.algorithm.valueParts(true)));
            writer.write(reply);
            events.add(new TransportEvent.KexEcdhReply(true, kex.hostKeyType, kex.negotiated.hostKey(),
                    kex.ownValueLength, kex.algorithm.valueParts(false)));
            installKeys();
        }
    }

    private void onEcdhReply(SshReader r) throws SshProtocolException {
        ServerHostKey received = flow.clientComplete(kex, r, peerIdentification);
        events.add(new TransportEvent.KexEcdhReply(false, kex.hostKeyType, kex.negotiated.hostKey(),
                kex.peerValueLength, kex.algorithm.valueParts(false)));
        if (firstHostKey != null) {
            if (!Arrays.equals(firstHostKey.blob(), received.blob())) {
                throw new SshProtocolException(DisconnectReason.HOST_KEY_NOT_VERIFIABLE,
                        "the server's host key changed during re-exchange");
            }
        } else if (!config.hostKeyVerifier().verify(received)) {
            throw new SshProtocolException(DisconnectReason.HOST_KEY_NOT_VERIFIABLE,
                    "host key " + received.fingerprint() + " is not trusted");
        } else {
            firstHostKey = received;
        }
        events.add(new TransportEvent.HostKeyAccepted(received));
        installKeys();
    }

    /** Derives the keys (RFC 4253 §7.2), sends NEWKEYS and switches the outgoing direction. */
    private void installKeys() {
        boolean first = sessionId == null;
        if (first) {
            sessionId = kex.exchangeHash;
        }
        KeyExchangeFlow.NewKeys keys = flow.keys(kex, sessionId);
        kex.nextInbound = keys.inbound();
        NegotiatedAlgorithms n = kex.negotiated;
        writer.write(new byte[] {MessageNumbers.NEWKEYS});
        writer.switchProtection(keys.outbound(), strict);
        compression.outgoingKeys(client ? n.compressionClientToServer() : n.compressionServerToClient());
        state = !first ? KexState.REKEY_NEWKEYS : strict ? KexState.FIRST_NEWKEYS_STRICT : KexState.FIRST_NEWKEYS;
        events.add(new TransportEvent.NewKeys(true, client ? n.cipherClientToServer() : n.cipherServerToClient()));
        if (first && peerWantsExtInfo) {
            // RFC 8308 §2.4: the server's EXT_INFO is the first message after its NEWKEYS.
            // server-sig-algs (§3.1) names what a publickey request may use: the policy's
            // accepted public key algorithms, whatever host key algorithms it offers.
            List<String> sigAlgs = config.policy().publicKeyAlgorithms(config.registry());
            writer.write(new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(1)
                    .writeUtf8("server-sig-algs").writeString(String.join(",", sigAlgs).getBytes(StandardCharsets.US_ASCII))
                    .toByteArray());
        }
        algorithms = n;
        flushHeld();
    }

    private void onNewKeys(int len) throws SshProtocolException {
        if (len != 1) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "SSH_MSG_NEWKEYS with a body");
        }
        reader.switchProtection(kex.nextInbound, strict);
        compression.incomingKeys(client ? kex.negotiated.compressionServerToClient()
                : kex.negotiated.compressionClientToServer());
        events.add(new TransportEvent.NewKeys(false,
                client ? kex.negotiated.cipherServerToClient() : kex.negotiated.cipherClientToServer()));
        kex = null;
        state = openState();
        lifetime.renew();
        completedExchanges++;
        events.add(new TransportEvent.KeysEstablished(completedExchanges, strict));
    }

    // ---------------------------------------------------------------- output bookkeeping

    private void writePacket(byte[] payload) {
        writer.write(payload);
        checkKeyLifetime();
    }

    private void flushHeld() {
        while (!held.isEmpty() && !state.holdsOutgoing()) {
            byte[] payload = held.poll();
            if (MessageNumbers.isServiceMessage(payload[0] & 0xff)) {
                writeServiceMessage(payload);
            } else {
                writer.write(payload);
            }
            // The engine's own copy, and it may be a login request with a password.
            Arrays.fill(payload, (byte) 0);
        }
    }

    private long packetsSinceKeys() {
        return Math.max(reader.packetsSinceKeys(), writer.packetsSinceKeys());
    }

    /** RFC 4253 §9 and {@link KeyLifetime}: a re-exchange when due, a disconnect when too late. */
    private void checkKeyLifetime() {
        if (state == KexState.CLOSED || sessionId == null) {
            return;
        }
        TransportInput due = lifetime.check(reader.bytesSinceKeys() + writer.bytesSinceKeys(), packetsSinceKeys());
        if (due != null) {
            try {
                on(due, null, 0, 0);
            } catch (SshProtocolException e) {
                disconnect(e.reason(), e.getMessage());
            }
        }
    }

    private void close(TransportEvent.Disconnected event) {
        state = KexState.CLOSED;
        compression.close();
        held.clear();
        in.clear();
        if (kex != null) {
            // An exchange cut short (a signature that did not verify, an untrusted host key) may hold K.
            kex.wipeSecret();
            kex = null;
        }
        events.add(event);
    }
}
