package dev.keyway.transport.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.api.spi.SharedSecret;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * RFC 4253 §7.2: key X is HASH(K || H || X || session_id), extended while too short by
 * K_n = HASH(K || H || K1 || ... || K_(n-1)). The expectation is computed here from the
 * formula with fresh digests, independently of {@link KeyDerivation}.
 */
class KeyDerivationTest {

    private static byte[] hash(String algorithm, byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance(algorithm);
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The RFC's formula, spelled out. */
    static byte[] expected(String algorithm, byte[] k, byte[] h, char letter, byte[] sessionId, int length) {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        key.writeBytes(hash(algorithm, k, h, new byte[] {(byte) letter}, sessionId));
        while (key.size() < length) {
            key.writeBytes(hash(algorithm, k, h, key.toByteArray()));
        }
        return Arrays.copyOf(key.toByteArray(), length);
    }

    private static KeyDerivation derivation(String algorithm, byte[] k, byte[] h, byte[] sessionId)
            throws NoSuchAlgorithmException {
        return new KeyDerivation(MessageDigest.getInstance(algorithm), k, h, sessionId);
    }

    @Property(tries = 150)
    void derivedKeysFollowTheRfcFormula(@ForAll @Size(min = 1, max = 80) byte[] k, @ForAll @Size(min = 32, max = 64) byte[] h,
            @ForAll @Size(min = 32, max = 64) byte[] sessionId, @ForAll @CharRange(from = 'A', to = 'F') char letter,
            @ForAll @IntRange(min = 0, max = 300) int length, @ForAll("digests") String algorithm)
            throws NoSuchAlgorithmException {
        assertArrayEquals(expected(algorithm, k, h, letter, sessionId, length),
                derivation(algorithm, k, h, sessionId).derive(letter, length));
    }

    @Provide
    Arbitrary<String> digests() {
        return Arbitraries.of("SHA-256", "SHA-512");
    }

    @Test
    void aKeyLongerThanTheHashIsExtendedWithHashOfKHAndTheFirstBlock() throws NoSuchAlgorithmException {
        // aes256 with SHA-1-sized hashes was the RFC's motivating case; here 64 bytes from SHA-256.
        byte[] k = SharedSecret.mpint(new byte[] {(byte) 0x80, 1, 2, 3}).encoded();
        byte[] h = hash("SHA-256", "exchange hash".getBytes(US_ASCII));
        byte[] sessionId = hash("SHA-256", "first exchange".getBytes(US_ASCII));
        byte[] k1 = hash("SHA-256", k, h, new byte[] {'C'}, sessionId);
        byte[] k2 = hash("SHA-256", k, h, k1);
        byte[] k3 = hash("SHA-256", k, h, k1, k2);
        byte[] derived = derivation("SHA-256", k, h, sessionId).derive(KeyDerivation.KEY_CLIENT_TO_SERVER, 80);
        assertArrayEquals(k1, Arrays.copyOfRange(derived, 0, 32));
        assertArrayEquals(k2, Arrays.copyOfRange(derived, 32, 64));
        assertArrayEquals(Arrays.copyOf(k3, 16), Arrays.copyOfRange(derived, 64, 80));
    }

    @Test
    void repeatedDerivationsWithOneDigestAgreeAndLettersDiffer() throws NoSuchAlgorithmException {
        // The digest is reused across calls, so no state may leak from one key into the next.
        byte[] k = {0, 0, 0, 1, 7};
        byte[] h = new byte[32];
        KeyDerivation d = derivation("SHA-256", k, h, h);
        byte[] first = d.derive(KeyDerivation.IV_CLIENT_TO_SERVER, 50);
        d.derive(KeyDerivation.MAC_SERVER_TO_CLIENT, 70);
        assertArrayEquals(first, d.derive(KeyDerivation.IV_CLIENT_TO_SERVER, 50));
        assertFalse(Arrays.equals(first, d.derive(KeyDerivation.IV_SERVER_TO_CLIENT, 50)));
        // A shorter key is a prefix of a longer one with the same letter.
        assertArrayEquals(Arrays.copyOf(first, 20), d.derive(KeyDerivation.IV_CLIENT_TO_SERVER, 20));
    }

    @Test
    void lettersAreTheRfcs() {
        assertEquals("ABCDEF", "" + KeyDerivation.IV_CLIENT_TO_SERVER + KeyDerivation.IV_SERVER_TO_CLIENT
                + KeyDerivation.KEY_CLIENT_TO_SERVER + KeyDerivation.KEY_SERVER_TO_CLIENT
                + KeyDerivation.MAC_CLIENT_TO_SERVER + KeyDerivation.MAC_SERVER_TO_CLIENT);
    }
}
