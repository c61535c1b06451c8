package dev.keyway.conformance;

import dev.keyway.api.spi.KemPrimitive;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A toy KEM for the kit's own tests, Diffie-Hellman on X25519 in the shape of RFC 9180 §4.1
 * (the ciphertext is an ephemeral public value; the secret hashes the agreement with it), on
 * {@link ZeroAcceptingX25519}'s slow ladder. The careless variant derives its secret from the
 * encapsulation key alone, so that a changed ciphertext changes nothing: the flaw the implicit
 * rejection law is there to catch.
 */
final class ToyKem implements KemPrimitive<byte[]> {
    private static final byte[] BASE = ToyX25519Agreement.base();
    private final boolean readsCiphertext;

    private ToyKem(boolean readsCiphertext) {
        this.readsCiphertext = readsCiphertext;
    }

    static ToyKem sound() {
        return new ToyKem(true);
    }

    /** Decapsulation that never looks at the ciphertext. */
    static ToyKem ignoringCiphertext() {
        return new ToyKem(false);
    }

    @Override
    public String name() {
        return readsCiphertext ? "toy-kem" : "careless-kem";
    }

    @Override
    public int encapsulationKeyBytes() {
        return 32;
    }

    @Override
    public int ciphertextBytes() {
        return 32;
    }

    @Override
    public KeyPair<byte[]> generate(SecureRandom random) {
        byte[] d = new byte[32];
        random.nextBytes(d);
        return new KeyPair<>(d, ZeroAcceptingX25519.x25519(d, BASE));
    }

    @Override
    public Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) {
        byte[] e = new byte[32];
        random.nextBytes(e);
        byte[] ciphertext = ZeroAcceptingX25519.x25519(e, BASE);
        byte[] secret = readsCiphertext
                ? sha256(ZeroAcceptingX25519.x25519(e, encapsulationKey), ciphertext)
                : sha256(encapsulationKey);
        return new Encapsulation(ciphertext, secret);
    }

    @Override
    public byte[] decapsulate(byte[] d, byte[] ciphertext) {
        return readsCiphertext
                ? sha256(ZeroAcceptingX25519.x25519(d, ciphertext), ciphertext)
                : sha256(ZeroAcceptingX25519.x25519(d, BASE));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest h = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                h.update(part);
            }
            return h.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
