package dev.keyway.api.spi;

import dev.keyway.api.wire.SshWriter;
import java.util.Arrays;

/**
 * The shared secret K of a key exchange, held in the exact wire encoding that enters the
 * exchange hash and the key derivation (RFC 4253 §7.2, §8). Classic (EC)DH and curve25519
 * encode K as an mpint (RFC 5656 §4, RFC 8731 §3.1); post-quantum hybrids encode it as a
 * string. The algorithm decides, through the factory method it calls.
 */
public final class SharedSecret {
    private final byte[] encoded;

    private SharedSecret(byte[] encoded) {
        this.encoded = encoded;
    }

    /** K as an mpint built from an unsigned big-endian value (leading zeros dropped). */
    public static SharedSecret mpint(byte[] unsignedBigEndian) {
        return of(new SshWriter(unsignedBigEndian.length + 5).writeMpintUnsigned(unsignedBigEndian));
    }

    /** K as a string, e.g. the hash of a hybrid KEM's combined secret. */
    public static SharedSecret string(byte[] value) {
        return of(new SshWriter(value.length + 4).writeString(value));
    }

    /** Keeps a copy of what the writer holds and wipes the writer. */
    private static SharedSecret of(SshWriter encoding) {
        byte[] encoded = encoding.toByteArray();
        encoding.wipe();
        return new SharedSecret(encoded);
    }

    /** The wire encoding of K, length prefix included; a copy. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** Overwrites the secret; call when the keys have been derived. */
    public void destroy() {
        Arrays.fill(encoded, (byte) 0);
    }

    @Override
    public String toString() {
        return "SharedSecret[redacted]";
    }
}
