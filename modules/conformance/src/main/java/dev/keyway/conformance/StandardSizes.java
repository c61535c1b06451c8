package dev.keyway.conformance;

import java.util.Map;
import java.util.Set;

/**
 * The sizes that the standards fix for the algorithm names the kit knows, written down here
 * independently of any provider so that a provider's declarations are checked, not trusted.
 */
final class StandardSizes {
    private StandardSizes() {
    }

    /** Key, IV, block and tag bytes of a cipher; tag 0 for a bulk cipher. */
    record Cipher(int key, int iv, int block, int tag) {
    }

    /** Key and MAC bytes of a MAC and whether it is encrypt-then-MAC. */
    record Mac(int key, int mac, boolean etm) {
    }

    static final Map<String, Cipher> CIPHERS = Map.of(
            // RFC 4344 §4: AES-CTR, the IV is the 128-bit initial counter.
            "aes128-ctr", new Cipher(16, 16, 16, 0),
            "aes192-ctr", new Cipher(24, 16, 16, 0),
            "aes256-ctr", new Cipher(32, 16, 16, 0),
            // RFC 5647 §7.1 as OpenSSH uses it: 12-byte IV, 16-byte tag.
            "aes128-gcm@openssh.com", new Cipher(16, 12, 16, 16),
            "aes256-gcm@openssh.com", new Cipher(32, 12, 16, 16),
            // OpenSSH PROTOCOL.chacha20poly1305: two 256-bit keys, no IV, padding to 8.
            "chacha20-poly1305@openssh.com", new Cipher(64, 0, 8, 16));

    static final Map<String, Mac> MACS = Map.of(
            // RFC 6668 §2: key length = digest length = MAC length.
            "hmac-sha2-256", new Mac(32, 32, false),
            "hmac-sha2-512", new Mac(64, 64, false),
            "hmac-sha2-256-etm@openssh.com", new Mac(32, 32, true),
            "hmac-sha2-512-etm@openssh.com", new Mac(64, 64, true),
            // RFC 4253 §6.4.
            "hmac-sha1", new Mac(20, 20, false),
            "hmac-sha1-etm@openssh.com", new Mac(20, 20, true));

    /**
     * Whether a compression name starts only after user authentication: RFC 4253 §6.2 for
     * {@code none} and {@code zlib}, OpenSSH PROTOCOL §1.2 for {@code zlib@openssh.com}.
     */
    static final Map<String, Boolean> COMPRESSION_DELAYED = Map.of(
            "none", false,
            "zlib", false,
            "zlib@openssh.com", true);

    /**
     * The compression names whose data is one zlib stream (RFC 1950) per direction and set of
     * keys, flushed after each payload: RFC 4253 §6.2, and OpenSSH PROTOCOL §1.2 ("identical to
     * the zlib method in rfc4253" but delayed).
     */
    static final Set<String> ZLIB_STREAMS = Set.of("zlib", "zlib@openssh.com");
}
