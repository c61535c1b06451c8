package dev.keyway.integration.openssh;

import dev.keyway.integration.openssh.MitmDirection.InjectionPoint;

/**
 * The ways the tests run the Terrapin attack (Bäumer, Brinkmann and Schwenk, "Terrapin Attack:
 * Breaking SSH Channel Integrity By Sequence Number Manipulation", USENIX Security 2024;
 * CVE-2023-48795): which message is injected, in which direction and where, and which message
 * is deleted.
 *
 * <p>Why it works (paper §4.1, sequence number manipulation; §5.2, the extension negotiation
 * downgrade): the sequence numbers of RFC 4253 §6.4 count every packet from the first and
 * nothing authenticates the clear-text packets before NEWKEYS. An SSH_MSG_IGNORE injected there
 * makes the victim count one packet more than its peer sent; deleting the peer's first packet
 * after NEWKEYS makes both counts agree again, so every later MAC or tag verifies and the
 * victim never learns that a packet is missing. chacha20-poly1305@openssh.com derives each
 * packet's keys from its sequence number alone, so the deletion leaves no trace at all.
 *
 * <p>The countermeasure (OpenSSH's PROTOCOL file, "transport: strict key exchange extension",
 * {@code kex-strict-c-v00@openssh.com} and {@code kex-strict-s-v00@openssh.com}): when both
 * first KEXINITs carry the marker, the KEXINIT must be the first packet, any message other
 * than key exchange messages during the first exchange ends the connection, and sequence
 * numbers restart at zero after every NEWKEYS.
 */
enum TerrapinVariant {
    /** SSH_MSG_IGNORE to the client before the server's KEXINIT; the server's EXT_INFO deleted. */
    IGNORE_TO_CLIENT_BEFORE_KEXINIT(true, InjectionPoint.BEFORE_KEXINIT),
    /** SSH_MSG_IGNORE to the client right before the server's NEWKEYS; the server's EXT_INFO deleted. */
    IGNORE_TO_CLIENT_BEFORE_NEWKEYS(true, InjectionPoint.BEFORE_NEWKEYS),
    /** SSH_MSG_IGNORE to the server before the client's KEXINIT; the client's first encrypted packet deleted. */
    IGNORE_TO_SERVER_BEFORE_KEXINIT(false, InjectionPoint.BEFORE_KEXINIT),
    /** SSH_MSG_IGNORE to the server right before the client's NEWKEYS; the client's first encrypted packet deleted. */
    IGNORE_TO_SERVER_BEFORE_NEWKEYS(false, InjectionPoint.BEFORE_NEWKEYS);

    private static final byte[] IGNORE_WITH_NO_DATA = {2, 0, 0, 0, 0};

    private final boolean victimIsClient;
    private final InjectionPoint point;

    TerrapinVariant(boolean victimIsClient, InjectionPoint point) {
        this.victimIsClient = victimIsClient;
        this.point = point;
    }

    /** Whether the client is the victim: the proxy tampers with what the server sends it. */
    boolean victimIsClient() {
        return victimIsClient;
    }

    InjectionPoint point() {
        return point;
    }

    /** The injected packet: SSH_MSG_IGNORE with empty data (RFC 4253 §11.2), in clear. */
    byte[] injectedPacket() {
        return MitmDirection.clearTextPacket(IGNORE_WITH_NO_DATA);
    }

    /**
     * What a Keyway victim with strict KEX says in its SSH_MSG_DISCONNECT PROTOCOL_ERROR: the
     * injected packet comes first, or during the first key exchange.
     */
    String strictKexRefusal() {
        return point == InjectionPoint.BEFORE_KEXINIT ? "strict KEX: SSH_MSG_KEXINIT was not the first packet"
                : "strict KEX: only key exchange messages during the first exchange (SSH_MSG_IGNORE)";
    }

    @Override
    public String toString() {
        String to = victimIsClient ? "client" : "server";
        String from = victimIsClient ? "server" : "client";
        String where = point == InjectionPoint.BEFORE_KEXINIT ? "before the " + from + "'s KEXINIT"
                : "before the " + from + "'s NEWKEYS";
        String deleted = victimIsClient ? "the server's EXT_INFO" : "the client's first encrypted packet";
        return "IGNORE injected " + from + "->" + to + " " + where + ", " + deleted + " deleted";
    }
}
