package dev.keyway.keys;

/** What known_hosts says about a server's host key (the cases of ssh(1)'s check_host_key). */
public enum HostKeyStatus {
    /** A line for the host holds this very key. */
    MATCH,
    /**
     * Lines for the host hold a different key of the same type and none holds this one: the
     * "REMOTE HOST IDENTIFICATION HAS CHANGED" case, possibly a man in the middle.
     */
    MISMATCH,
    /** An {@code @revoked} line for the host holds this key; it must never be accepted. */
    REVOKED,
    /** No line for the host holds a key of this type. */
    UNKNOWN
}
