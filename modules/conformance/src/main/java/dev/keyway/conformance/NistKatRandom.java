package dev.keyway.conformance;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random generator behind the known-answer files of the NIST post-quantum submissions
 * ({@code rng.c}'s {@code randombytes}, which {@code PQCgenKAT_kem.c} seeds with each record's
 * {@code seed}): AES-256 CTR_DRBG of NIST SP 800-90A without a derivation function, no
 * personalization string, never reseeded. A library drawing from this random with a record's
 * seed reproduces the record's keys and ciphertext if it draws as the reference code does.
 *
 * <p>Each {@link #nextBytes} call is one {@code randombytes} call: after every call the key and
 * counter are updated (SP 800-90A §10.2.1.5.1), so the output depends on how draws are split,
 * not only on how many bytes are drawn. Deterministic, so only for tests.
 */
public final class NistKatRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    /** Bytes of a seed: an AES-256 key and a 128-bit counter (SP 800-90A §10.2.1, seedlen). */
    public static final int SEED_BYTES = 48;

    private final transient Cipher aes;
    private final transient byte[] key = new byte[32];
    private final transient byte[] counter = new byte[16];

    /**
     * A generator instantiated with {@code seed} as its entropy input (SP 800-90A
     * §10.2.1.3.1: key and counter start at zero and are updated with the seed).
     */
    public NistKatRandom(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("seed is " + seed.length + " bytes, not " + SEED_BYTES);
        }
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is required by Java SE", e);
        }
        update(seed);
    }

    /** One {@code randombytes(out, out.length)}: counter blocks, then an update. */
    @Override
    public void nextBytes(byte[] out) {
        for (int at = 0; at < out.length; at += 16) {
            byte[] block = nextBlock();
            System.arraycopy(block, 0, out, at, Math.min(16, out.length - at));
        }
        update(null);
    }

    @Override
    public byte[] generateSeed(int n) {
        byte[] out = new byte[n];
        nextBytes(out);
        return out;
    }

    /** CTR_DRBG_Update (SP 800-90A §10.2.1.2): three blocks, XORed with the data if any. */
    private void update(byte[] providedData) {
        byte[] temp = new byte[SEED_BYTES];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(nextBlock(), 0, temp, 16 * i, 16);
        }
        if (providedData != null) {
            for (int i = 0; i < SEED_BYTES; i++) {
                temp[i] ^= providedData[i];
            }
        }
        System.arraycopy(temp, 0, key, 0, 32);
        System.arraycopy(temp, 32, counter, 0, 16);
    }

    /** Increments the big-endian counter and encrypts it under the current key. */
    private byte[] nextBlock() {
        for (int i = 15; i >= 0; i--) {
            if (++counter[i] != 0) {
                break;
            }
        }
        try {
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return aes.doFinal(counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is required by Java SE", e);
        }
    }

    @Override
    public String toString() {
        return "NistKatRandom";
    }
}
