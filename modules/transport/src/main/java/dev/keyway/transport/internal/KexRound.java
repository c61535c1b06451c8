package dev.keyway.transport.internal;

import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;

/**
 * The state of one key exchange, from this side's KEXINIT to the peer's NEWKEYS
 * (RFC 4253 §7). The engine holds one while an exchange runs and drops it afterwards.
 */
final class KexRound {
    /** What the engine waits for next in this exchange. */
    enum Step {
        PEER_KEXINIT,
        ECDH_INIT,
        ECDH_REPLY,
        NEWKEYS
    }

    Step step = Step.PEER_KEXINIT;
    final byte[] ourKexInitPayload;
    /** The sequence number our KEXINIT went out with, to recognise a peer's UNIMPLEMENTED for it. */
    int ourKexInitSequence;
    final KexInit ourKexInit;
    byte[] peerKexInitPayload;
    KexInit peerKexInit;
    NegotiatedAlgorithms negotiated;
    KeyExchangeAlgorithm algorithm;
    KeyExchangeAlgorithm.Initiator initiator;
    /** RFC 4253 §7: the peer's wrongly guessed first key exchange packet is dropped. */
    boolean ignoreGuessedPacket;
    boolean newKeysSent;
    PacketProtection nextInbound;

    KexRound(KexInit ourKexInit, byte[] ourKexInitPayload) {
        this.ourKexInit = ourKexInit;
        this.ourKexInitPayload = ourKexInitPayload;
    }
}
