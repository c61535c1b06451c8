package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.MacAlgorithm;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;

/**
 * {@code hmac-sha2-256} and {@code hmac-sha2-512} (RFC 6668 §2) and their
 * {@code -etm@openssh.com} forms (OpenSSH PROTOCOL §1.5); the key length is the digest length.
 *
 * @param name the SSH name
 * @param digest a new digest for each keyed MAC
 * @param keyLength the digest length, which is also the MAC length
 * @param encryptThenMac whether this is the etm form
 */
record Hmac(String name, Supplier<Digest> digest, int keyLength, boolean encryptThenMac) implements MacAlgorithm {

    @Override
    public int macLength() {
        return keyLength;
    }

    /**
     * Uses the key as given: the transport derives exactly {@link #keyLength()} bytes, and
     * HMAC is defined for any key length (RFC 2104 §2), which the RFC 4231 vectors use.
     */
    @Override
    public PacketMac create(byte[] key) {
        return new HmacPacketMac(digest.get(), key);
    }

    @Override
    public String toString() {
        return name;
    }
}
