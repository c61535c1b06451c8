package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The suites must be able to fail: each deliberately broken fixture passes the checks its
 * flaw does not touch (so it is otherwise sound) and fails the one meant to catch the flaw.
 */
class SuitesCatchBrokenAlgorithmsTest {

    @Test
    void zeroAcceptingX25519IsOtherwiseCorrect() {
        ZeroAcceptingX25519 toy = new ZeroAcceptingX25519();
        assertEquals(4, KeyExchangeVectors.run(toy));
        assertDoesNotThrow(() -> KeyExchangeChecks.agree(toy, new SeededRandom(1), toy, new SeededRandom(2)));
    }

    @Test
    void lowOrderCheckCatchesTheMissingAllZeroCheck() {
        ZeroAcceptingX25519 toy = new ZeroAcceptingX25519();
        byte[] zeroPoint = new byte[32];
        AssertionError e = assertThrows(AssertionError.class,
                () -> KeyExchangeChecks.assertRejected(toy, zeroPoint, new SeededRandom(3)));
        assertTrue(e.getMessage().contains("accepted an invalid peer value"), e.getMessage());
    }

    @Test
    void everyLowOrderVectorIsCaught() {
        ZeroAcceptingX25519 toy = new ZeroAcceptingX25519();
        int caught = 0;
        for (byte[] bad : KeyExchangeChecks.invalidValues(toy.name())) {
            if (bad.length == 32) {
                assertThrows(AssertionError.class,
                        () -> KeyExchangeChecks.assertRejected(toy, bad, new SeededRandom(4)),
                        HexFormat.of().formatHex(bad));
                caught++;
            }
        }
        assertEquals(11, caught);
    }

    @Test
    void messageBlindSignatureIsCaughtByTheChangedMessageCheck() {
        MessageBlindSignature toy = new MessageBlindSignature();
        KeyPair a = toy.generateKeyPair(new SeededRandom(5));
        KeyPair b = toy.generateKeyPair(new SeededRandom(6));
        assertDoesNotThrow(() -> SignatureChecks.assertPublicKeyRoundTrips(toy, a.getPublic()));
        AssertionError e = assertThrows(AssertionError.class,
                () -> SignatureChecks.assertSignatureHolds(toy, a, b, new byte[] {42}, 0, new SeededRandom(7)));
        assertTrue(e.getMessage().contains("changed message"), e.getMessage());
        assertThrows(AssertionError.class, () -> SignatureVectors.run(toy));
    }

    @Test
    void unpaddedRsaIsCaughtOnlyByTheShortSignatureCheck() {
        UnpaddedRsaSignature toy = new UnpaddedRsaSignature();
        KeyPair vectorKey = SignatureVectors.rsaVectorKeyPair();
        assertEquals(1, SignatureVectors.run(toy));
        assertDoesNotThrow(() -> SignatureChecks.assertSha1RsaRefused(toy, vectorKey, new byte[] {1}));
        AssertionError e = assertThrows(AssertionError.class,
                () -> SignatureChecks.assertShortRsaSignatureVerifies(toy, vectorKey, new SeededRandom(8)));
        assertTrue(e.getMessage().contains("shorter than the modulus"), e.getMessage());
    }

    @Test
    void mpintCheckCatchesNonMinimalEncodings() {
        assertDoesNotThrow(() -> KeyExchangeChecks.assertMinimalMpint(new byte[] {0, 0, 0, 1, 0x7f}));
        assertDoesNotThrow(() -> KeyExchangeChecks.assertMinimalMpint(new byte[] {0, 0, 0, 2, 0, (byte) 0x80}));
        assertThrows(AssertionError.class,
                () -> KeyExchangeChecks.assertMinimalMpint(new byte[] {0, 0, 0, 2, 0, 0x7f}));
        assertThrows(AssertionError.class,
                () -> KeyExchangeChecks.assertMinimalMpint(new byte[] {0, 0, 0, 1, (byte) 0x80}));
        assertThrows(AssertionError.class,
                () -> KeyExchangeChecks.assertMinimalMpint(new byte[] {0, 0, 0, 0}));
        assertThrows(AssertionError.class,
                () -> KeyExchangeChecks.assertMinimalMpint(new byte[] {0, 0, 0, 3, 1}));
    }

    @Test
    void fixedBytesRandomRefusesToInventBytes() {
        FixedBytesRandom r = new FixedBytesRandom(new byte[] {1, 2});
        byte[] two = new byte[2];
        r.nextBytes(two);
        assertEquals(2, two[1]);
        assertThrows(AssertionError.class, () -> r.nextBytes(new byte[1]));
    }
}
