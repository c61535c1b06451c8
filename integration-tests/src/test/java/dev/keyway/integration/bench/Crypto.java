package dev.keyway.integration.bench;

/**
 * The algorithms a client is asked to use; {@code null} leaves a category to the client's
 * defaults.
 *
 * @param mac for a cipher that is not AEAD (RFC 4253 §6.4); {@code null} for AEAD ones
 */
record Crypto(String kex, String cipher, String mac) {
    /** The client's own choices. */
    static final Crypto DEFAULTS = new Crypto(null, null, null);

    static Crypto cipher(String cipher, String mac) {
        return new Crypto(null, cipher, mac);
    }

    static Crypto kex(String kex) {
        return new Crypto(kex, null, null);
    }

    /** The inverse of {@link #cipherLabel()}. */
    static Crypto ofLabel(String label) {
        int plus = label.indexOf('+');
        return plus < 0 ? cipher(label.trim(), null) : cipher(label.substring(0, plus).trim(), label.substring(plus + 1).trim());
    }

    /** The cipher, with its MAC if any: {@code aes128-ctr+hmac-sha2-256-etm@openssh.com}. */
    String cipherLabel() {
        return mac == null ? cipher : cipher + "+" + mac;
    }
}
