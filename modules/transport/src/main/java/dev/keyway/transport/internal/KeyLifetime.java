package dev.keyway.transport.internal;

/**
 * How long one set of keys may be used (RFC 4253 §9, RFC 4344 §3). A re-exchange is due once
 * the bytes in both directions reach the configured limit, or either direction's packets reach
 * 2^31 (OpenSSH's MAX_PACKETS); the keys are worn out, and the connection must close, when a
 * direction's packets reach 2^32 - 1, after which chacha20-poly1305's nonce (the 32-bit
 * sequence number) would repeat under one key, or the bytes reach the limit plus as much again
 * (at least 64 MiB more), which leaves a peer ample time to answer our KEXINIT.
 */
final class KeyLifetime {
    /** OpenSSH's MAX_PACKETS: a re-exchange long before a sequence number wraps. */
    static final long REKEY_PACKETS = 1L << 31;
    /** The packets one key may protect in one direction: the 32-bit nonce space, less one. */
    static final long MAX_PACKETS = (1L << 32) - 1;
    private static final long MIN_GRACE_BYTES = 64L << 20;

    private final long rekeyBytes;
    private final long rekeyPackets;
    private final long maxBytes;
    /** Where the next re-exchange is due, in bytes since the keys; moved on when one is refused. */
    private long dueBytes;
    private long duePackets;

    KeyLifetime(long rekeyBytes, long rekeyPackets) {
        this.rekeyBytes = rekeyBytes;
        this.rekeyPackets = Math.min(rekeyPackets, MAX_PACKETS - 1);
        this.maxBytes = rekeyBytes + Math.max(rekeyBytes, MIN_GRACE_BYTES);
        renew();
    }

    /** New keys are in force in both directions. */
    void renew() {
        dueBytes = rekeyBytes;
        duePackets = rekeyPackets;
    }

    /** The peer refused a re-exchange: try again after as much traffic again, not at once. */
    void postpone(long bytes, long packets) {
        dueBytes = bytes + rekeyBytes;
        duePackets = packets + rekeyPackets;
    }

    /**
     * @param bytes both directions' bytes since the keys
     * @param packets the larger of the two directions' packet counts since the keys
     */
    TransportInput check(long bytes, long packets) {
        if (packets >= MAX_PACKETS || bytes >= maxBytes) {
            return TransportInput.KEYS_WORN_OUT;
        }
        return bytes >= dueBytes || packets >= duePackets ? TransportInput.REKEY_DUE : null;
    }
}
