package dev.keyway.transport.internal;

/**
 * What can happen to the transport's key exchange machine ({@link KexTransitions}): a packet
 * from the peer, by the class its message number falls in (RFC 4250 §4.1.2, RFC 4253 §7,
 * RFC 8308), or a trigger of this side's own.
 */
enum TransportInput {
    /** SSH_MSG_DISCONNECT (1). */
    DISCONNECT,
    /** SSH_MSG_IGNORE (2). */
    IGNORE,
    /** SSH_MSG_UNIMPLEMENTED (3). */
    UNIMPLEMENTED,
    /** SSH_MSG_DEBUG (4). */
    DEBUG,
    /** SSH_MSG_EXT_INFO (7, RFC 8308). */
    EXT_INFO,
    /** A transport number nobody assigned: 8 to 19, 22 to 29 (RFC 4253 §11.4). */
    UNKNOWN_TRANSPORT,
    /** SSH_MSG_KEXINIT (20). */
    KEXINIT,
    /** SSH_MSG_NEWKEYS (21). */
    NEWKEYS,
    /** A key exchange method's message, 30 to 49 (SSH_MSG_KEX_ECDH_INIT, _REPLY, …). */
    KEX_METHOD,
    /** A message for a layer above: SERVICE_REQUEST and SERVICE_ACCEPT (5, 6), and 50 to 255. */
    SERVICE,
    /** This side's own: the volume or packet count since the last keys reached the re-key limit (RFC 4253 §9). */
    REKEY_DUE,
    /** This side's own: the owner asked for a re-exchange. */
    REKEY_REQUESTED,
    /**
     * This side's own: a direction's packets or bytes under the current keys reached the hard
     * limit, past which a key must not be used (a ChaCha20 nonce would repeat).
     */
    KEYS_WORN_OUT;

    /** The class of a packet from the peer. */
    static TransportInput of(int messageNumber) {
        return switch (messageNumber) {
            case MessageNumbers.DISCONNECT -> DISCONNECT;
            case MessageNumbers.IGNORE -> IGNORE;
            case MessageNumbers.UNIMPLEMENTED -> UNIMPLEMENTED;
            case MessageNumbers.DEBUG -> DEBUG;
            case MessageNumbers.SERVICE_REQUEST, MessageNumbers.SERVICE_ACCEPT -> SERVICE;
            case MessageNumbers.EXT_INFO -> EXT_INFO;
            case MessageNumbers.KEXINIT -> KEXINIT;
            case MessageNumbers.NEWKEYS -> NEWKEYS;
            default -> messageNumber >= MessageNumbers.FIRST_SERVICE_NUMBER ? SERVICE
                    : messageNumber >= MessageNumbers.FIRST_KEX_METHOD_NUMBER ? KEX_METHOD : UNKNOWN_TRANSPORT;
        };
    }

    /** Whether this is a packet from the peer rather than a trigger of this side's own. */
    boolean fromPeer() {
        return ordinal() <= SERVICE.ordinal();
    }
}
