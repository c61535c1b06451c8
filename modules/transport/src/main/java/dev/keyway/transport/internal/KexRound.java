package dev.keyway.transport.internal;

import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * What one key exchange has gathered, from this side's KEXINIT to the peer's NEWKEYS
 * (RFC 4253 §7): the two KEXINITs, the choice, the method's values, H and K. Where the
 * exchange stands is the engine's {@link KexState}; this only holds its data.
 */
final class KexRound {
    final byte[] ourKexInitPayload;
    final KexInit ourKexInit;
    /** The sequence number our KEXINIT went out with, to recognise a peer's UNIMPLEMENTED for it. */
    int ourKexInitSequence;
    byte[] peerKexInitPayload;
    KexInit peerKexInit;
    NegotiatedAlgorithms negotiated;
    KeyExchangeAlgorithm algorithm;
    KeyExchangeAlgorithm.Initiator initiator;
    MessageDigest digest;
    byte[] exchangeHash;
    /** K in its algorithm's encoding; wiped once the keys are derived, or when the exchange is abandoned. */
    byte[] secret;
    /** For the events: the host key's type and the sizes of the two ephemeral values. */
    String hostKeyType;
    int peerValueLength;
    int ownValueLength;
    PacketProtection nextInbound;

    KexRound(KexInit ourKexInit, byte[] ourKexInitPayload) {
        this.ourKexInit = ourKexInit;
        this.ourKexInitPayload = ourKexInitPayload;
    }

    /** Zeroes K, if this round got as far as computing it. */
    void wipeSecret() {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
