package dev.keyway.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The SSH rules {@link EphemeralKeyExchange} applies around any agreement primitive. */
class EphemeralKeyExchangeTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Answers every agreement with a given secret and keeps the arrays it handed out. */
    private static final class ScriptedAgreement implements KeyAgreementPrimitive<String> {
        byte[] secret;
        RuntimeException toThrow;
        byte[] lastReturned;
        int generated;

        ScriptedAgreement(byte[] secret) {
            this.secret = secret;
        }

        @Override
        public Ephemeral<String> generate(SecureRandom random) {
            generated++;
            return new Ephemeral<>("private", new byte[] {1, 2, 3, 4});
        }

        @Override
        public byte[] agree(String privateKey, byte[] peerValue) throws GeneralSecurityException {
            if (toThrow != null) {
                throw toThrow;
            }
            lastReturned = secret.clone();
            return lastReturned;
        }
    }

    private static EphemeralKeyExchange exchange(ScriptedAgreement primitive) {
        return EphemeralKeyExchange.agreement("toy-sha256", ExchangeDigest.SHA256, primitive,
                PeerValueCheck.exactLength(4));
    }

    private static void assertKexFailed(Executable step) {
        SshProtocolException e = assertThrows(SshProtocolException.class, step::run);
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
    }

    private interface Executable {
        void run() throws Exception;
    }

    @Example
    void bothSidesGetTheSecretAsAMinimalMpintAndTheRawSecretIsWiped() throws SshProtocolException {
        ScriptedAgreement p = new ScriptedAgreement(HexFormat.of().parseHex("0080ff"));
        EphemeralKeyExchange kex = exchange(p);
        KeyExchangeAlgorithm.Response r = kex.respond(new byte[4], RANDOM);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, r.publicValue());
        // Leading zero dropped, then a 0x00 sign byte because 0x80 has its top bit set (RFC 4251 §5).
        assertArrayEquals(HexFormat.of().parseHex("000000030080ff"), r.secret().encoded());
        assertArrayEquals(new byte[3], p.lastReturned, "raw secret wiped");
        KeyExchangeAlgorithm.Initiator init = kex.initiate(RANDOM);
        assertArrayEquals(r.secret().encoded(), init.complete(new byte[4]).encoded());
        assertEquals("SHA-256", kex.newDigest().getAlgorithm());
        assertEquals("toy-sha256", kex.name());
    }

    @Example
    void anAllZeroSecretIsRefusedOnBothSides() {
        ScriptedAgreement p = new ScriptedAgreement(new byte[32]);
        EphemeralKeyExchange kex = exchange(p);
        assertKexFailed(() -> kex.respond(new byte[4], RANDOM));
        KeyExchangeAlgorithm.Initiator init = kex.initiate(RANDOM);
        assertKexFailed(() -> init.complete(new byte[4]));
    }

    @Example
    void aBadPeerValueIsRefusedBeforeAKeyPairIsSpent() {
        ScriptedAgreement p = new ScriptedAgreement(new byte[] {7});
        EphemeralKeyExchange kex = exchange(p);
        assertKexFailed(() -> kex.respond(new byte[5], RANDOM));
        assertKexFailed(() -> kex.respond(null, RANDOM));
        assertEquals(0, p.generated);
        assertNull(p.lastReturned);
        KeyExchangeAlgorithm.Initiator init = kex.initiate(RANDOM);
        assertKexFailed(() -> init.complete(new byte[3]));
        assertKexFailed(() -> init.complete(null));
        assertNull(p.lastReturned);
    }

    @Example
    void aCheckGivingAnotherReasonStillFailsTheKeyExchange() {
        ScriptedAgreement p = new ScriptedAgreement(new byte[] {7});
        EphemeralKeyExchange kex = EphemeralKeyExchange.agreement("toy", ExchangeDigest.SHA256, p, v -> {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "refused by the check");
        });
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> kex.respond(new byte[4], RANDOM));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("refused by the check"), e.getMessage());
    }

    @Example
    void libraryExceptionsBecomeKeyExchangeFailedWithoutTheirMessage() {
        ScriptedAgreement p = new ScriptedAgreement(new byte[] {7});
        p.toThrow = new IllegalArgumentException("secret 0xdeadbeef");
        EphemeralKeyExchange kex = exchange(p);
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> kex.respond(new byte[4], RANDOM));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        assertFalse(e.getMessage().contains("deadbeef"), e.getMessage());
        assertNull(e.getCause());
        KeyExchangeAlgorithm.Initiator init = kex.initiate(RANDOM);
        assertKexFailed(() -> init.complete(new byte[4]));
    }

    @Example
    void publicValuesAreCopies() {
        KeyExchangeAlgorithm.Initiator init = exchange(new ScriptedAgreement(new byte[] {7})).initiate(RANDOM);
        init.publicValue()[0] = 99;
        assertEquals(1, init.publicValue()[0]);
    }

    @Property(tries = 300)
    void kIsTheMpintOfAnyNonZeroSecret(@ForAll @Size(min = 1, max = 66) byte[] secret) throws SshProtocolException {
        ScriptedAgreement p = new ScriptedAgreement(secret);
        boolean zero = Arrays.equals(secret, new byte[secret.length]);
        if (zero) {
            assertKexFailed(() -> exchange(p).respond(new byte[4], RANDOM));
        } else {
            assertArrayEquals(SharedSecret.mpint(secret.clone()).encoded(),
                    exchange(p).respond(new byte[4], RANDOM).secret().encoded());
        }
    }

    @Example
    void exactLengthNamesSizesOnly() {
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> PeerValueCheck.exactLength(32).check(new byte[31]));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        assertEquals("peer value is 31 bytes, not 32", e.getMessage());
    }
}
