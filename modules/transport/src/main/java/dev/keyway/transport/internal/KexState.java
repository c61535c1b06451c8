package dev.keyway.transport.internal;

/**
 * Where a connection stands in its key exchanges (RFC 4253 §7): the one piece of state that
 * decides what the peer may send ({@link KexTransitions}) and what this side may send now.
 * Each exchange, first or re-exchange, walks KEXINIT → (a wrongly guessed packet) → the
 * method's messages → NEWKEYS.
 */
enum KexState {
    /** The first exchange: our KEXINIT is out, the peer's is awaited. */
    FIRST_KEXINIT(true, false),
    /** The peer's first KEXINIT guessed wrong: its next packet is dropped (RFC 4253 §7). */
    FIRST_GUESS(true, false),
    /** The first exchange's method messages (SSH_MSG_KEX_ECDH_*). */
    FIRST_EXCHANGE(true, false),
    /** The same under strict KEX: nothing but key exchange messages may arrive. */
    FIRST_EXCHANGE_STRICT(true, false),
    /** Our first NEWKEYS is out, the peer's is awaited. */
    FIRST_NEWKEYS(false, false),
    FIRST_NEWKEYS_STRICT(false, false),
    /**
     * Keys in force, user authentication not yet done: a server refuses a re-exchange here, as
     * sshd does, so that an unauthenticated client cannot make it sign again and again.
     */
    OPEN_UNAUTHENTICATED(false, true),
    /** Keys in force, the user authenticated, no exchange running. */
    OPEN(false, true),
    /** A re-exchange: our KEXINIT is out; the peer, not having seen it, may still send anything. */
    REKEY_KEXINIT(true, true),
    REKEY_GUESS(true, true),
    /** A re-exchange's method messages: the peer sent its KEXINIT, so only transport messages. */
    REKEY_EXCHANGE(true, true),
    /** Our NEWKEYS of a re-exchange is out, the peer's is awaited. */
    REKEY_NEWKEYS(false, true),
    CLOSED(true, false);

    private final boolean holdsOutgoing;
    private final boolean keysInForce;

    KexState(boolean holdsOutgoing, boolean keysInForce) {
        this.holdsOutgoing = holdsOutgoing;
        this.keysInForce = keysInForce;
    }

    /**
     * RFC 4253 §7.1: between its KEXINIT and its NEWKEYS a side sends nothing but transport
     * messages; messages of the layers above wait.
     */
    boolean holdsOutgoing() {
        return holdsOutgoing;
    }

    /** Whether a completed exchange's keys protect the peer's packets (the session is up). */
    boolean keysInForce() {
        return keysInForce;
    }
}
