package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.ClassicHalf;
import dev.keyway.api.spi.EphemeralKeyExchange;
import dev.keyway.api.spi.ExchangeDigest;
import dev.keyway.api.spi.KemPrimitive;
import dev.keyway.api.spi.KeyAgreementPrimitive;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hybrid laws must be able to fail: a toy {@code mlkem768x25519-sha256} with ML-KEM-768's
 * sizes but no lattice, whose KEM takes every key and, when asked, refuses ciphertexts it did
 * not make, is caught by the modulus, implicit-rejection and known-answer checks, and passes
 * the checks its flaws do not touch.
 */
class MlKemLawsCatchBrokenKemsTest {

    /** A KEM of XOR: the ciphertext is the secret then zeros, masked with the key. A fixture only. */
    private record ToyKem(boolean explicitRejection) implements KemPrimitive<byte[]> {
        @Override
        public String name() {
            return "TOY-768";
        }

        @Override
        public int encapsulationKeyBytes() {
            return 1184;
        }

        @Override
        public int ciphertextBytes() {
            return 1088;
        }

        /** Draws 64 bytes, as ML-KEM draws d and z, and repeats them. */
        @Override
        public KeyPair<byte[]> generate(SecureRandom random) {
            byte[] seed = new byte[64];
            random.nextBytes(seed);
            byte[] key = new byte[1184];
            for (int i = 0; i < key.length; i++) {
                key[i] = seed[i % seed.length];
            }
            return new KeyPair<>(key, key.clone());
        }

        @Override
        public Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return new Encapsulation(mask(Arrays.copyOf(secret, 1088), encapsulationKey), secret);
        }

        @Override
        public byte[] decapsulate(byte[] decapsulationKey, byte[] ciphertext) throws GeneralSecurityException {
            byte[] plain = mask(ciphertext, decapsulationKey);
            if (explicitRejection && !Arrays.equals(plain, 32, 1088, new byte[1056], 0, 1056)) {
                throw new GeneralSecurityException("not my ciphertext");
            }
            return Arrays.copyOf(plain, 32);
        }

        private static byte[] mask(byte[] value, byte[] key) {
            byte[] out = new byte[1088];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (value[i] ^ key[i]);
            }
            return out;
        }
    }

    /** X25519 through the kit's own BigInteger ladder. */
    private static final class ToyX25519 implements KeyAgreementPrimitive<byte[]> {
        @Override
        public Ephemeral<byte[]> generate(SecureRandom random) {
            byte[] scalar = new byte[32];
            random.nextBytes(scalar);
            byte[] nine = new byte[32];
            nine[0] = 9;
            return new Ephemeral<>(scalar, ZeroAcceptingX25519.x25519(scalar, nine));
        }

        @Override
        public byte[] agree(byte[] scalar, byte[] peerValue) {
            return ZeroAcceptingX25519.x25519(scalar, peerValue);
        }
    }

    private static KeyExchangeAlgorithm toy(boolean explicitRejection) {
        return EphemeralKeyExchange.hybrid("mlkem768x25519-sha256", ExchangeDigest.SHA256,
                new ToyKem(explicitRejection), ClassicHalf.x25519(new ToyX25519()));
    }

    @Test
    void theToyIsOtherwiseASoundHybrid() {
        KeyExchangeAlgorithm kex = toy(false);
        assertTrue(HybridKeyExchangeChecks.isHybrid(kex));
        assertDoesNotThrow(() -> KeyExchangeChecks.agree(kex, new SeededRandom(1), kex, new SeededRandom(2)));
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertImplicitRejection(kex, new SeededRandom(3),
                new SeededRandom(4), 8 * 5));
        SeededRandom random = new SeededRandom(5);
        byte[] qc = kex.initiate(random).publicValue();
        List<byte[]> bad = HybridKeyExchangeChecks.clientValuesToRefuse(kex, qc);
        // Five wrong lengths and the 32-byte X25519 points of small order, refused by the API's hybrid.
        for (byte[] value : bad.subList(0, bad.size() - 2)) {
            assertDoesNotThrow(() -> KeyExchangeChecks.assertRefusedByResponder(kex, value, random));
        }
    }

    @Test
    void aKemSkippingTheModulusCheckIsCaught() {
        KeyExchangeAlgorithm kex = toy(false);
        SeededRandom random = new SeededRandom(6);
        List<byte[]> bad = HybridKeyExchangeChecks.clientValuesToRefuse(kex, kex.initiate(random).publicValue());
        for (byte[] overQ : bad.subList(bad.size() - 2, bad.size())) {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> KeyExchangeChecks.assertRefusedByResponder(kex, overQ, random));
            assertTrue(e.getMessage().contains("accepted an invalid peer value"), e.getMessage());
        }
    }

    @Test
    void aKemRefusingForeignCiphertextsIsCaught() {
        AssertionError e = assertThrows(AssertionError.class, () -> HybridKeyExchangeChecks.assertImplicitRejection(
                toy(true), new SeededRandom(7), new SeededRandom(8), 8 * 500));
        assertTrue(e.getMessage().contains("implicit rejection"), e.getMessage());
    }

    @Test
    void theVectorsCatchAKemThatIsNotMlKem() {
        AssertionError e = assertThrows(AssertionError.class, () -> HybridKeyExchangeVectors.run(toy(false)));
        assertTrue(e.getMessage().contains("Q_C differs"), e.getMessage());
    }

    @Test
    void theFirstCoefficientIsTheLow12BitsOfTheKey() {
        byte[] qc = new byte[4];
        qc[1] = (byte) 0xa0;
        byte[] set = HybridKeyExchangeChecks.withFirstCoefficient(qc, HybridKeyExchangeChecks.Q);
        assertEquals(HybridKeyExchangeChecks.Q, (set[0] & 0xff) | (set[1] & 0x0f) << 8);
        assertEquals(0xa0, set[1] & 0xf0, "the next coefficient's bits are kept");
    }

    @Test
    void aHybridKIsAStringOfOneHash() {
        KeyExchangeAlgorithm kex = toy(false);
        assertDoesNotThrow(() -> HybridKeyExchangeChecks.assertHashString(kex, new byte[] {0, 0, 0, 32,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32}));
        assertThrows(AssertionError.class, () -> HybridKeyExchangeChecks.assertHashString(kex, new byte[] {0, 0, 0, 1, 7}));
        assertThrows(AssertionError.class, () -> KeyExchangeChecks.assertWellFormedK(kex, new byte[] {0, 0, 0, 1, 7}));
    }
}
