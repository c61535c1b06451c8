package dev.keyway.keys;

import java.util.Optional;

/** The optional first field of a known_hosts line (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"). */
public enum KnownHostsMarker {
    /** No marker: the key is a host key of the matching hosts. */
    NONE(""),
    /** {@code @revoked}: the key must never be accepted, for the matching hosts. */
    REVOKED("@revoked"),
    /**
     * {@code @cert-authority}: the key is a CA that signs host certificates; not a host key.
     * Keyway does not support host certificates yet, so such lines never match.
     */
    CERT_AUTHORITY("@cert-authority");

    private final String text;

    KnownHostsMarker(String text) {
        this.text = text;
    }

    /** The field as written, empty for {@link #NONE}. */
    public String text() {
        return text;
    }

    static Optional<KnownHostsMarker> byText(String field) {
        for (KnownHostsMarker m : values()) {
            if (m != NONE && m.text.equals(field)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
