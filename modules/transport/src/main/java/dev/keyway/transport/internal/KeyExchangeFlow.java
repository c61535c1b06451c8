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
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.TransportConfig;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The messages of one key exchange and the cryptography behind them, once for every
 * algorithm (RFC 4253 §7, RFC 5656 §4, RFC 8731): our KEXINIT, the choice, the client's
 * ephemeral value, the server's reply signed over H, and the keys of RFC 4253 §7.2. A
 * provider supplies only the agreement or KEM and the signature. When each step may happen is
 * not decided here but by {@link KexTransitions}.
 */
final class KeyExchangeFlow {
    static final String STRICT_CLIENT = "kex-strict-c-v00@openssh.com";
    static final String STRICT_SERVER = "kex-strict-s-v00@openssh.com";
    static final String EXT_INFO_CLIENT = "ext-info-c";

    private final boolean client;
    private final TransportConfig config;
    private final UnaryOperator<KexInit> firstKexInit;

    KeyExchangeFlow(boolean client, TransportConfig config, UnaryOperator<KexInit> firstKexInit) {
        this.client = client;
        this.config = config;
        this.firstKexInit = firstKexInit;
    }

    /** Our KEXINIT; the capability markers go only into the first (RFC 8308 §2.1, OpenSSH PROTOCOL §1.10). */
    KexRound begin(boolean first) {
        List<String> kexNames = new ArrayList<>(config.policy().offered(AlgorithmCategory.KEY_EXCHANGE, config.registry()));
        if (first && client) {
            kexNames.add(EXT_INFO_CLIENT);
        }
        if (first && config.strictKex()) {
            kexNames.add(client ? STRICT_CLIENT : STRICT_SERVER);
        }
        List<String> ciphers = config.policy().offered(AlgorithmCategory.CIPHER, config.registry());
        List<String> macs = config.policy().offered(AlgorithmCategory.MAC, config.registry());
        List<String> compression = config.policy().offered(AlgorithmCategory.COMPRESSION, config.registry());
        byte[] cookie = new byte[KexInit.COOKIE_LENGTH];
        config.random().nextBytes(cookie);
        KexInit ours = new KexInit(cookie, kexNames, hostKeyAlgorithms(), ciphers, ciphers, macs, macs,
                compression, compression, List.of(), List.of(), false);
        if (first) {
            ours = firstKexInit.apply(ours);
        }
        return new KexRound(ours, ours.encode());
    }

    /** A server offers only algorithms it holds a key for (RFC 4253 §7.1). */
    private List<String> hostKeyAlgorithms() {
        List<String> offered = config.policy().offered(AlgorithmCategory.HOST_KEY, config.registry());
        return client ? offered : offered.stream().filter(name -> hostKeyFor(name).isPresent()).toList();
    }

    private Optional<KeyPair> hostKeyFor(String algorithm) {
        SignatureAlgorithm sig = config.registry().signature(algorithm).orElseThrow();
        return config.hostKeys().stream().filter(k -> sig.accepts(k.getPublic())).findFirst();
    }

    /** Whether the peer's first KEXINIT turns strict KEX on: both offered it. */
    boolean strictWith(KexInit peer) {
        return config.strictKex() && peer.kexAlgorithms().contains(client ? STRICT_SERVER : STRICT_CLIENT);
    }

    /** Whether a client's first KEXINIT asks for the server's EXT_INFO (RFC 8308 §2.1). */
    boolean peerWantsExtInfo(KexInit peer) {
        return !client && peer.kexAlgorithms().contains(EXT_INFO_CLIENT);
    }

    /**
     * Chooses the algorithms (RFC 4253 §7.1) with the peer's KEXINIT and says whether its
     * guessed first packet must be dropped (RFC 4253 §7).
     */
    boolean negotiate(KexRound round, KexInit peer, byte[] peerPayload) throws SshProtocolException {
        round.peerKexInit = peer;
        round.peerKexInitPayload = peerPayload;
        KexInit clientInit = client ? round.ourKexInit : peer;
        KexInit serverInit = client ? peer : round.ourKexInit;
        round.negotiated = AlgorithmNegotiation.negotiate(clientInit, serverInit,
                name -> config.registry().cipher(name).orElseThrow() instanceof AeadCipherAlgorithm);
        round.algorithm = config.registry().keyExchange(round.negotiated.kex()).orElseThrow();
        return peer.firstKexPacketFollows() && !AlgorithmNegotiation.guessWasRight(clientInit, serverInit);
    }

    /** The client's SSH_MSG_KEX_ECDH_INIT carrying Q_C (RFC 5656 §4). */
    byte[] clientInit(KexRound round) {
        round.initiator = round.algorithm.initiate(config.random());
        byte[] qc = round.initiator.publicValue();
        return new SshWriter(qc.length + 8).writeByte(MessageNumbers.KEX_ECDH_INIT).writeString(qc).toByteArray();
    }

    /**
     * The server's answer to Q_C: Q_S, its host key and its signature over H, as the payload of
     * SSH_MSG_KEX_ECDH_REPLY; the round keeps H and K for {@link #keys}.
     */
    byte[] serverReply(KexRound round, SshReader r, String clientVersion) throws SshProtocolException {
        byte[] qc = r.readString();
        r.expectEnd();
        round.peerValueLength = qc.length;
        KeyExchangeAlgorithm.Response response = round.algorithm.respond(qc, config.random());
        SignatureAlgorithm sig = config.registry().signature(round.negotiated.hostKey()).orElseThrow();
        KeyPair hostKey = hostKeyFor(round.negotiated.hostKey()).orElseThrow();
        byte[] ks = sig.encodePublicKey(hostKey.getPublic());
        byte[] qs = response.publicValue();
        round.secret = response.secret().encoded();
        response.secret().destroy();
        round.digest = round.algorithm.newDigest();
        round.exchangeHash = ExchangeHash.compute(round.digest, clientVersion, config.identification(),
                round.peerKexInitPayload, round.ourKexInitPayload, ks, qc, qs, round.secret);
        byte[] signature = sig.sign(hostKey.getPrivate(), round.exchangeHash, config.random());
        round.hostKeyType = sig.keyType();
        round.ownValueLength = qs.length;
        return new SshWriter(ks.length + qs.length + signature.length + 16)
                .writeByte(MessageNumbers.KEX_ECDH_REPLY).writeString(ks).writeString(qs).writeString(signature)
                .toByteArray();
    }

    /**
     * The client's check of the server's reply (RFC 4253 §8): the signature over H with the
     * key it sent. Whether the key is trusted is the caller's decision.
     */
    ServerHostKey clientComplete(KexRound round, SshReader r, String serverVersion) throws SshProtocolException {
        byte[] ks = r.readString();
        byte[] qs = r.readString();
        byte[] signature = r.readString();
        r.expectEnd();
        SignatureAlgorithm sig = config.registry().signature(round.negotiated.hostKey()).orElseThrow();
        round.hostKeyType = sig.keyType();
        round.peerValueLength = qs.length;
        PublicKey hostKey = sig.decodePublicKey(ks);
        SharedSecret secret = round.initiator.complete(qs);
        round.secret = secret.encoded();
        secret.destroy();
        round.digest = round.algorithm.newDigest();
        round.exchangeHash = ExchangeHash.compute(round.digest, config.identification(), serverVersion,
                round.ourKexInitPayload, round.peerKexInitPayload, ks, round.initiator.publicValue(), qs, round.secret);
        if (!sig.verify(hostKey, round.exchangeHash, signature)) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "the server's signature over the exchange hash does not verify");
        }
        return new ServerHostKey(round.negotiated.hostKey(), ks, hostKey);
    }

    /** The two directions' protections from K and H (RFC 4253 §7.2); K is wiped. */
    NewKeys keys(KexRound round, byte[] sessionId) {
        KeyDerivation keys = new KeyDerivation(round.digest, round.secret, round.exchangeHash, sessionId);
        NegotiatedAlgorithms n = round.negotiated;
        try {
            PacketProtection outbound = client
                    ? Protections.build(config.registry(), n.cipherClientToServer(), n.macClientToServer(), keys, true,
                            CipherDirection.ENCRYPT)
                    : Protections.build(config.registry(), n.cipherServerToClient(), n.macServerToClient(), keys, false,
                            CipherDirection.ENCRYPT);
            PacketProtection inbound = client
                    ? Protections.build(config.registry(), n.cipherServerToClient(), n.macServerToClient(), keys, false,
                            CipherDirection.DECRYPT)
                    : Protections.build(config.registry(), n.cipherClientToServer(), n.macClientToServer(), keys, true,
                            CipherDirection.DECRYPT);
            return new NewKeys(outbound, inbound);
        } finally {
            round.wipeSecret();
        }
    }

    /** The protections a NEWKEYS switches to, each direction. */
    record NewKeys(PacketProtection outbound, PacketProtection inbound) {
    }
}
