package dev.keyway.transport.internal;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.ServiceMessageSink;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SSH transport protocol (RFC 4253) as a state machine without I/O: bytes in, bytes and
 * events out. It owns the message flows (version exchange, KEXINIT, the ECDH/KEM exchange,
 * NEWKEYS, rekeying, strict KEX, EXT_INFO); algorithms come from the configured registry.
 * Not thread-safe: one owner drives it.
 */
public final class TransportEngine {
    private static final String STRICT_CLIENT = "kex-strict-c-v00@openssh.com";
    private static final String STRICT_SERVER = "kex-strict-s-v00@openssh.com";
    private static final String EXT_INFO_CLIENT = "ext-info-c";

    private enum Phase { VERSION, PACKETS, CLOSED }

    private final boolean client;
    private final TransportConfig config;
    /** Small to start with: an idle session should cost little; the queues grow with traffic. */
    private final ByteQueue in = new ByteQueue(2 * 1024);
    private final ByteQueue out = new ByteQueue(2 * 1024);
    private final PacketReader reader;
    private final PacketWriter writer;
    private final VersionExchange versionExchange;
    private final ArrayDeque<TransportEvent> events = new ArrayDeque<>();
    /** Messages of the layers above, held while no keys are in force or a key exchange runs. */
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();

    private Phase phase = Phase.VERSION;
    private String peerIdentification;
    private byte[] sessionId;
    private ServerHostKey firstHostKey;
    private NegotiatedAlgorithms algorithms;
    private int completedExchanges;
    private long packetsReceived;
    private boolean strict;
    private boolean peerWantsExtInfo;
    /**
     * Whether SSH_MSG_USERAUTH_SUCCESS has passed. OpenSSH refuses KEXINIT before user
     * authentication (it answers SSH_MSG_UNIMPLEMENTED, and its client aborts), and never
     * re-keys before it itself, so automatic re-keys wait for it. Delayed compression
     * (zlib@openssh.com) will hang on the same signal.
     */
    private boolean authenticated;
    private KexRound kex;
    private ServiceMessageSink sink;

    public TransportEngine(boolean client, TransportConfig config) {
        this.client = client;
        this.config = config;
        this.reader = new PacketReader(config.maxPacketLength());
        this.writer = new PacketWriter(out, config.random());
        this.versionExchange = new VersionExchange(client);
        byte[] id = VersionExchange.identificationLine(config.identification());
        out.append(id, 0, id.length);
        events.add(new TransportEvent.IdentificationSent(config.identification()));
        // RFC 4253 §7.1: key exchange begins right away; no need to wait for the peer's version.
        sendKexInit();
    }

    // ---------------------------------------------------------------- owner's interface

    /** Feeds bytes from the peer and runs the protocol as far as they allow. */
    public void receive(byte[] b, int off, int len) {
        if (phase == Phase.CLOSED) {
            return;
        }
        in.append(b, off, len);
        try {
            process();
        } catch (SshProtocolException e) {
            disconnect(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            // A provider or engine defect must not escape into the owner's thread as peer-triggered failure.
            disconnect(DisconnectReason.PROTOCOL_ERROR, "internal error: " + e.getClass().getSimpleName());
        }
    }

    public int pendingOutput() {
        return out.size();
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
        if (payload.length > config.maxPacketLength() - 64) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is too large");
        }
        if (phase == Phase.CLOSED) {
            throw new IllegalStateException("transport is closed");
        }
        if (!client && (payload[0] & 0xff) == MessageNumbers.USERAUTH_SUCCESS) {
            authenticated = true;
        }
        if (mustHold()) {
            held.add(payload.clone());
        } else {
            writer.write(payload);
            maybeRekey();
        }
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
        if (phase == Phase.CLOSED) {
            throw new IllegalStateException("transport is closed");
        }
        // Strict KEX forbids anything but key exchange messages during the first exchange.
        if (mustHold()) {
            held.add(payload);
        } else {
            writer.write(payload);
        }
    }

    /** Starts a key re-exchange (RFC 4253 §9) unless one is running or keys are not yet in force. */
    public void requestRekey() {
        if (phase != Phase.CLOSED && kex == null && sessionId != null) {
            sendKexInit();
        }
    }

    /** Sends SSH_MSG_DISCONNECT (RFC 4253 §11.1) and closes; pending output stays readable. */
    public void disconnect(DisconnectReason reason, String description) {
        if (phase == Phase.CLOSED) {
            return;
        }
        writer.write(new SshWriter().writeByte(MessageNumbers.DISCONNECT).writeUint32(reason.code())
                .writeUtf8(description).writeUtf8("").toByteArray());
        close(new TransportEvent.Disconnected(reason, description, false));
    }

    /** The byte stream ended without a DISCONNECT: closes and reports CONNECTION_LOST. */
    public void connectionLost(String why) {
        if (phase != Phase.CLOSED) {
            close(new TransportEvent.Disconnected(DisconnectReason.CONNECTION_LOST, why, true));
        }
    }

    public boolean isClosed() {
        return phase == Phase.CLOSED;
    }

    /** Whether the first key exchange is complete in both directions. */
    public boolean isEstablished() {
        return completedExchanges > 0 && phase != Phase.CLOSED;
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
        if (phase == Phase.VERSION) {
            Optional<String> id = versionExchange.read(in);
            if (id.isEmpty()) {
                return;
            }
            peerIdentification = id.get();
            phase = Phase.PACKETS;
            events.add(new TransportEvent.IdentificationReceived(peerIdentification, versionExchange.preamble()));
        }
        while (phase == Phase.PACKETS && reader.next(in)) {
            byte[] b = in.array();
            int off = reader.payloadOffset();
            int len = reader.payloadLength();
            packetsReceived++;
            try {
                dispatch(b, off, len);
            } finally {
                reader.release(in);
            }
            maybeRekey();
        }
    }

    private void dispatch(byte[] b, int off, int len) throws SshProtocolException {
        int number = b[off] & 0xff;
        if (strict && completedExchanges == 0 && !isKexMessage(number) && number != MessageNumbers.DISCONNECT) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "strict KEX: unexpected " + MessageNumbers.nameOf(number) + " during the first key exchange");
        }
        switch (number) {
            case MessageNumbers.DISCONNECT -> onDisconnect(new SshReader(b, off + 1, len - 1));
            case MessageNumbers.IGNORE -> { }
            case MessageNumbers.UNIMPLEMENTED -> onUnimplemented(new SshReader(b, off + 1, len - 1));
            case MessageNumbers.DEBUG -> onDebug(new SshReader(b, off + 1, len - 1));
            case MessageNumbers.EXT_INFO -> onExtInfo(new SshReader(b, off + 1, len - 1));
            case MessageNumbers.KEXINIT -> onKexInit(Arrays.copyOfRange(b, off, off + len));
            case MessageNumbers.KEX_ECDH_INIT, MessageNumbers.KEX_ECDH_REPLY ->
                    onKexMessage(number, new SshReader(b, off + 1, len - 1));
            case MessageNumbers.NEWKEYS -> onNewKeys(len);
            default -> {
                if (MessageNumbers.isServiceMessage(number)) {
                    onServiceMessage(b, off, len);
                } else {
                    // RFC 4253 §11.4: an unknown message gets SSH_MSG_UNIMPLEMENTED, not a disconnect.
                    writer.write(new SshWriter(8).writeByte(MessageNumbers.UNIMPLEMENTED)
                            .writeUint32(reader.packetSequenceNumber()).toByteArray());
                }
            }
        }
    }

    private static boolean isKexMessage(int number) {
        return number == MessageNumbers.KEXINIT || number == MessageNumbers.NEWKEYS
                || (number >= 30 && number <= 49);
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
     * RFC 4253 §11.4. The one case that matters is a peer refusing our KEXINIT, as OpenSSH
     * does before user authentication: a first exchange cannot go on without it, but a refused
     * re-exchange is dropped, and the connection goes on with the keys it has instead of
     * holding every message forever.
     */
    private void onUnimplemented(SshReader r) throws SshProtocolException {
        int rejected = r.readUint32();
        if (kex == null || kex.peerKexInit != null || rejected != kex.ourKexInitSequence) {
            return;
        }
        if (sessionId == null) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "the peer refused our SSH_MSG_KEXINIT");
        }
        kex = null;
        events.add(new TransportEvent.DebugMessage(false, "the peer refused a key re-exchange; the current keys stay"));
        flushHeld();
    }

    private void onDebug(SshReader r) throws SshProtocolException {
        boolean always = r.readBoolean();
        String message = r.readUtf8();
        events.add(new TransportEvent.DebugMessage(always, message));
    }

    private void onExtInfo(SshReader r) throws SshProtocolException {
        if (completedExchanges == 0) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "SSH_MSG_EXT_INFO before NEWKEYS");
        }
        long count = r.readUint32AsLong();
        Map<String, byte[]> extensions = new LinkedHashMap<>();
        // Each extension takes at least 8 bytes, so the count is bounded by what arrived.
        if (count > r.remaining() / 8) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "SSH_MSG_EXT_INFO count too large");
        }
        for (long i = 0; i < count; i++) {
            extensions.put(r.readUtf8(), r.readString());
        }
        events.add(new TransportEvent.ExtensionInfo(extensions));
    }

    private void onServiceMessage(byte[] b, int off, int len) throws SshProtocolException {
        if (completedExchanges == 0) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    MessageNumbers.nameOf(b[off] & 0xff) + " before the first key exchange completed");
        }
        if (kex != null && kex.peerKexInit != null) {
            // RFC 4253 §7.1: after its KEXINIT the peer may send only transport messages until NEWKEYS.
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    MessageNumbers.nameOf(b[off] & 0xff) + " during key exchange");
        }
        if (client && (b[off] & 0xff) == MessageNumbers.USERAUTH_SUCCESS) {
            authenticated = true;
        }
        if (sink != null) {
            sink.accept(b, off, len);
        } else {
            events.add(new TransportEvent.ServiceMessage(Arrays.copyOfRange(b, off, off + len)));
        }
    }

    // ---------------------------------------------------------------- key exchange

    private void sendKexInit() {
        boolean first = sessionId == null;
        List<String> kexNames = new ArrayList<>(config.policy().offered(AlgorithmCategory.KEY_EXCHANGE, config.registry()));
        // The markers go only into the first KEXINIT (RFC 8308 §2.1, OpenSSH PROTOCOL §1.10).
        if (first && client) {
            kexNames.add(EXT_INFO_CLIENT);
        }
        if (first && config.strictKex()) {
            kexNames.add(client ? STRICT_CLIENT : STRICT_SERVER);
        }
        List<String> ciphers = config.policy().offered(AlgorithmCategory.CIPHER, config.registry());
        List<String> macs = config.policy().offered(AlgorithmCategory.MAC, config.registry());
        List<String> compression = config.policy().offered(AlgorithmCategory.COMPRESSION, config.registry());
        byte[] cookie = new byte[16];
        config.random().nextBytes(cookie);
        KexInit ours = new KexInit(cookie, kexNames, hostKeyAlgorithms(), ciphers, ciphers, macs, macs,
                compression, compression, List.of(), List.of(), false);
        byte[] payload = ours.encode();
        kex = new KexRound(ours, payload);
        kex.ourKexInitSequence = writer.sequenceNumber();
        writer.write(payload);
        events.add(new TransportEvent.KexInitSent(ours));
    }

    /** A server offers only algorithms it holds a key for (RFC 4253 §7.1). */
    private List<String> hostKeyAlgorithms() {
        List<String> offered = config.policy().offered(AlgorithmCategory.HOST_KEY, config.registry());
        if (client) {
            return offered;
        }
        List<String> usable = new ArrayList<>();
        for (String name : offered) {
            if (hostKeyFor(name).isPresent()) {
                usable.add(name);
            }
        }
        return usable;
    }

    private Optional<KeyPair> hostKeyFor(String algorithm) {
        SignatureAlgorithm sig = config.registry().signature(algorithm).orElseThrow();
        return config.hostKeys().stream().filter(k -> sig.accepts(k.getPublic())).findFirst();
    }

    private void onKexInit(byte[] payload) throws SshProtocolException {
        if (kex != null && kex.peerKexInit != null) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "second SSH_MSG_KEXINIT during key exchange");
        }
        if (kex == null) {
            sendKexInit();
        }
        KexInit peer = KexInit.decode(payload);
        kex.peerKexInit = peer;
        kex.peerKexInitPayload = payload;
        events.add(new TransportEvent.KexInitReceived(peer));
        if (sessionId == null) {
            strict = config.strictKex() && peer.kexAlgorithms().contains(client ? STRICT_SERVER : STRICT_CLIENT);
            if (strict && packetsReceived != 1) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "strict KEX: SSH_MSG_KEXINIT was not the first packet");
            }
            peerWantsExtInfo = !client && peer.kexAlgorithms().contains(EXT_INFO_CLIENT);
        }
        KexInit clientInit = client ? kex.ourKexInit : peer;
        KexInit serverInit = client ? peer : kex.ourKexInit;
        NegotiatedAlgorithms chosen = AlgorithmNegotiation.negotiate(clientInit, serverInit,
                name -> config.registry().cipher(name).orElseThrow() instanceof AeadCipherAlgorithm);
        kex.negotiated = chosen;
        kex.algorithm = config.registry().keyExchange(chosen.kex()).orElseThrow();
        kex.ignoreGuessedPacket = peer.firstKexPacketFollows()
                && !AlgorithmNegotiation.guessWasRight(clientInit, serverInit);
        events.add(new TransportEvent.AlgorithmsNegotiated(chosen, strict));
        if (client) {
            kex.initiator = kex.algorithm.initiate(config.random());
            byte[] qc = kex.initiator.publicValue();
            writer.write(new SshWriter(qc.length + 8).writeByte(MessageNumbers.KEX_ECDH_INIT).writeString(qc).toByteArray());
            events.add(new TransportEvent.KexMessage(true, MessageNumbers.nameOf(MessageNumbers.KEX_ECDH_INIT),
                    "Q_C, the client's ephemeral public value (" + qc.length + " bytes)"));
            kex.step = KexRound.Step.ECDH_REPLY;
        } else {
            kex.step = KexRound.Step.ECDH_INIT;
        }
    }

    private void onKexMessage(int number, SshReader r) throws SshProtocolException {
        KexRound.Step expected = client ? KexRound.Step.ECDH_REPLY : KexRound.Step.ECDH_INIT;
        int expectedNumber = client ? MessageNumbers.KEX_ECDH_REPLY : MessageNumbers.KEX_ECDH_INIT;
        if (kex == null || kex.step != expected || number != expectedNumber) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "unexpected " + MessageNumbers.nameOf(number));
        }
        if (kex.ignoreGuessedPacket) {
            kex.ignoreGuessedPacket = false;
            return;
        }
        if (client) {
            onEcdhReply(r);
        } else {
            onEcdhInit(r);
        }
    }

    private void onEcdhInit(SshReader r) throws SshProtocolException {
        byte[] qc = r.readString();
        r.expectEnd();
        events.add(new TransportEvent.KexMessage(false, MessageNumbers.nameOf(MessageNumbers.KEX_ECDH_INIT),
                "Q_C, the client's ephemeral public value (" + qc.length + " bytes)"));
        KeyExchangeAlgorithm.Response response = kex.algorithm.respond(qc, config.random());
        SignatureAlgorithm sig = config.registry().signature(kex.negotiated.hostKey()).orElseThrow();
        KeyPair hostKey = hostKeyFor(kex.negotiated.hostKey()).orElseThrow();
        byte[] ks = sig.encodePublicKey(hostKey.getPublic());
        byte[] qs = response.publicValue();
        byte[] k = response.secret().encoded();
        response.secret().destroy();
        MessageDigest digest = kex.algorithm.newDigest();
        byte[] h = ExchangeHash.compute(digest, peerIdentification, config.identification(),
                kex.peerKexInitPayload, kex.ourKexInitPayload, ks, qc, qs, k);
        byte[] signature = sig.sign(hostKey.getPrivate(), h, config.random());
        writer.write(new SshWriter(ks.length + qs.length + signature.length + 16)
                .writeByte(MessageNumbers.KEX_ECDH_REPLY).writeString(ks).writeString(qs).writeString(signature)
                .toByteArray());
        events.add(new TransportEvent.KexMessage(true, MessageNumbers.nameOf(MessageNumbers.KEX_ECDH_REPLY),
                "K_S (" + sig.keyType() + " host key), Q_S (" + qs.length + " bytes), signature of H ("
                        + kex.negotiated.hostKey() + ")"));
        installKeys(digest, k, h);
    }

    private void onEcdhReply(SshReader r) throws SshProtocolException {
        byte[] ks = r.readString();
        byte[] qs = r.readString();
        byte[] signature = r.readString();
        r.expectEnd();
        SignatureAlgorithm sig = config.registry().signature(kex.negotiated.hostKey()).orElseThrow();
        events.add(new TransportEvent.KexMessage(false, MessageNumbers.nameOf(MessageNumbers.KEX_ECDH_REPLY),
                "K_S (" + sig.keyType() + " host key), Q_S (" + qs.length + " bytes), signature of H ("
                        + kex.negotiated.hostKey() + ")"));
        PublicKey hostKey = sig.decodePublicKey(ks);
        SharedSecret secret = kex.initiator.complete(qs);
        byte[] k = secret.encoded();
        secret.destroy();
        MessageDigest digest = kex.algorithm.newDigest();
        byte[] h = ExchangeHash.compute(digest, config.identification(), peerIdentification,
                kex.ourKexInitPayload, kex.peerKexInitPayload, ks, kex.initiator.publicValue(), qs, k);
        if (!sig.verify(hostKey, h, signature)) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "the server's signature over the exchange hash does not verify");
        }
        ServerHostKey received = new ServerHostKey(kex.negotiated.hostKey(), ks, hostKey);
        if (firstHostKey != null) {
            if (!Arrays.equals(firstHostKey.blob(), ks)) {
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
        installKeys(digest, k, h);
    }

    /** Derives the keys (RFC 4253 §7.2), sends NEWKEYS and switches the outgoing direction. */
    private void installKeys(MessageDigest digest, byte[] k, byte[] h) {
        boolean first = sessionId == null;
        if (first) {
            sessionId = h;
        }
        KeyDerivation keys = new KeyDerivation(digest, k, h, sessionId);
        NegotiatedAlgorithms n = kex.negotiated;
        PacketProtection outbound = client
                ? Protections.build(config.registry(), n.cipherClientToServer(), n.macClientToServer(), keys, true, CipherDirection.ENCRYPT)
                : Protections.build(config.registry(), n.cipherServerToClient(), n.macServerToClient(), keys, false, CipherDirection.ENCRYPT);
        kex.nextInbound = client
                ? Protections.build(config.registry(), n.cipherServerToClient(), n.macServerToClient(), keys, false, CipherDirection.DECRYPT)
                : Protections.build(config.registry(), n.cipherClientToServer(), n.macClientToServer(), keys, true, CipherDirection.DECRYPT);
        Arrays.fill(k, (byte) 0);
        writer.write(new byte[] {MessageNumbers.NEWKEYS});
        writer.switchProtection(outbound, strict);
        kex.newKeysSent = true;
        kex.step = KexRound.Step.NEWKEYS;
        events.add(new TransportEvent.KexMessage(true, MessageNumbers.nameOf(MessageNumbers.NEWKEYS),
                "from now on this side encrypts with " + (client ? n.cipherClientToServer() : n.cipherServerToClient())));
        if (first && peerWantsExtInfo) {
            // RFC 8308 §2.4: the server's EXT_INFO is the first message after its NEWKEYS.
            // server-sig-algs (§3.1) names what a publickey request may use: every signature
            // algorithm of the registry, whatever host key algorithms the session's policy offers.
            List<String> sigAlgs = AlgorithmPolicy.defaults().offered(AlgorithmCategory.HOST_KEY, config.registry());
            writer.write(new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(1)
                    .writeUtf8("server-sig-algs").writeString(String.join(",", sigAlgs).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .toByteArray());
        }
        algorithms = n;
        flushHeld();
    }

    private void onNewKeys(int len) throws SshProtocolException {
        if (kex == null || kex.step != KexRound.Step.NEWKEYS || len != 1) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "unexpected SSH_MSG_NEWKEYS");
        }
        reader.switchProtection(kex.nextInbound, strict);
        events.add(new TransportEvent.KexMessage(false, MessageNumbers.nameOf(MessageNumbers.NEWKEYS),
                "from now on the peer encrypts with "
                        + (client ? kex.negotiated.cipherServerToClient() : kex.negotiated.cipherClientToServer())));
        kex = null;
        completedExchanges++;
        events.add(new TransportEvent.KeysEstablished(completedExchanges, strict));
    }

    // ---------------------------------------------------------------- output bookkeeping

    /** RFC 4253 §7.1: between our KEXINIT and our NEWKEYS only transport messages go out. */
    private boolean mustHold() {
        return sessionId == null || (kex != null && !kex.newKeysSent);
    }

    private void flushHeld() {
        while (!held.isEmpty() && !mustHold()) {
            writer.write(held.poll());
        }
    }

    /**
     * RFC 4253 §9: re-exchange keys after a volume of data, counted in both directions, once
     * the user is authenticated (see {@link #authenticated}).
     */
    private void maybeRekey() {
        if (phase == Phase.PACKETS && kex == null && sessionId != null && authenticated
                && reader.bytesSinceKeys() + writer.bytesSinceKeys() >= config.rekeyAfterBytes()) {
            sendKexInit();
        }
    }

    private void close(TransportEvent.Disconnected event) {
        phase = Phase.CLOSED;
        held.clear();
        in.clear();
        kex = null;
        events.add(event);
    }
}
