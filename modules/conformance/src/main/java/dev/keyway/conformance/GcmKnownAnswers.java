package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * AES-GCM known answers (McGrew–Viega test cases, {@code vectors/aes-gcm.txt}) for the GCM
 * code a provider's {@code aes*-gcm@openssh.com} cipher runs. Through the SPI the additional
 * data is always the 4-byte length field and the IV a derived one, so the published cases
 * cannot be fed there; a provider's test passes its internal GCM calls in as functions:
 *
 * <pre>{@code
 * GcmKnownAnswers.check(
 *         (key, iv, aad, plain) -> ...ciphertext || tag...,
 *         (key, iv, aad, sealed) -> ...plaintext, or null when the tag is wrong...);
 * }</pre>
 */
public final class GcmKnownAnswers {
    private GcmKnownAnswers() {
    }

    /** Encrypts {@code plain} and returns ciphertext followed by the 16-byte tag. */
    @FunctionalInterface
    public interface Seal {
        byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] plain) throws Exception;
    }

    /** Checks the tag of {@code sealed} and returns the plaintext, or null if the tag is wrong. */
    @FunctionalInterface
    public interface Open {
        byte[] open(byte[] key, byte[] iv, byte[] aad, byte[] sealed) throws Exception;
    }

    /**
     * Runs every case through both functions, and opens each case once more with its last
     * tag byte changed, which must fail. Throws {@link AssertionError} on any mismatch.
     */
    public static void check(Seal seal, Open open) throws Exception {
        List<VectorFile.Vector> vectors = VectorFile.load("aes-gcm.txt");
        assertTrue(vectors.size() >= 6, "aes-gcm.txt lost cases");
        for (VectorFile.Vector v : vectors) {
            byte[] key = v.bytes("key");
            byte[] iv = v.bytes("iv");
            byte[] aad = v.bytes("aad");
            byte[] sealed = v.bytes("sealed");
            assertArrayEquals(sealed, seal.seal(key, iv, aad, v.bytes("plain")), "seal " + v);
            assertArrayEquals(v.bytes("plain"), open.open(key, iv, aad, sealed.clone()), "open " + v);
            byte[] forged = sealed.clone();
            forged[forged.length - 1] ^= 1;
            assertNull(open.open(key, iv, aad, forged), "opened a forged tag: " + v);
        }
    }
}
