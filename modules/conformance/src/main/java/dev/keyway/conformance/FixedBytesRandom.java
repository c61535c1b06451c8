package dev.keyway.conformance;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A "random" that hands out given bytes, so that a known-answer vector's private key can be
 * injected through the SPI, which takes randomness but no keys. It relies on a contract the
 * Keyway providers keep and document: an X25519 exchange takes its 32-byte scalar from one
 * {@code nextBytes} call (RFC 7748 §5 clamps it afterwards), and a P-256 exchange takes its
 * scalar as the first 32 bytes drawn, big-endian (a P-384 one the first 48).
 *
 * <p>A post-quantum hybrid draws for its KEM first, then for its classic half
 * ({@code EphemeralKeyExchange.hybrid} keeps that order): an ML-KEM key pair draws d and then
 * z, and an encapsulation draws m, each in one 32-byte call (FIPS 203 Algorithms 19 and 20).
 * So a client's bytes are {@code d || z || classic private key} and a server's
 * {@code m || classic private key}.
 *
 * <p>Running out of bytes is a test failure, as it means an implementation drew more than the
 * contract says.
 */
public final class FixedBytesRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient byte[] bytes;
    private transient int pos;

    public FixedBytesRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        if (out.length > bytes.length - pos) {
            throw new AssertionError("implementation drew more random bytes than the vector provides");
        }
        System.arraycopy(bytes, pos, out, 0, out.length);
        pos += out.length;
    }

    @Override
    public byte[] generateSeed(int n) {
        byte[] out = new byte[n];
        nextBytes(out);
        return out;
    }

    @Override
    public String toString() {
        return "FixedBytesRandom[" + bytes.length + " bytes, " + Arrays.hashCode(bytes) + "]";
    }
}
