package dev.keyway.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The rules {@link EphemeralKeyExchange#hybrid} applies around any KEM and classic agreement
 * (draft-ietf-sshm-mlkem-hybrid-kex §2), checked with a toy KEM whose secrets the test can
 * see: the value layout, K = HASH(K_PQ || K_CL) as a string, lengths checked before the split,
 * both raw secrets wiped, every failure KEY_EXCHANGE_FAILED naming no secret.
 */
class HybridEncapsulationTest {
    private static final int EK = 8;
    private static final int CT = 6;
    private static final int CLASSIC = 4;
    private static final byte[] KCL = {9, 8, 7, 6, 5};

    /** What the toys did, in order, and the secret arrays they handed out. */
    private final List<String> calls = new ArrayList<>();
    private final List<byte[]> handedOut = new ArrayList<>();

    /** A KEM of XOR: the ciphertext is the secret masked with the key; a test fixture only. */
    private final class ToyKem implements KemPrimitive<byte[]> {
        GeneralSecurityException toThrow;

        @Override
        public String name() {
            return "TOY-KEM";
        }

        @Override
        public int encapsulationKeyBytes() {
            return EK;
        }

        @Override
        public int ciphertextBytes() {
            return CT;
        }

        @Override
        public KeyPair<byte[]> generate(SecureRandom random) {
            calls.add("kem generate");
            byte[] key = new byte[EK];
            random.nextBytes(key);
            return new KeyPair<>(key, key.clone());
        }

        @Override
        public Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random)
                throws GeneralSecurityException {
            calls.add("kem encapsulate");
            if (toThrow != null) {
                throw toThrow;
            }
            byte[] secret = new byte[CT];
            random.nextBytes(secret);
            handedOut.add(secret);
            return new Encapsulation(mask(secret, encapsulationKey), secret);
        }

        @Override
        public byte[] decapsulate(byte[] decapsulationKey, byte[] ciphertext) throws GeneralSecurityException {
            calls.add("kem decapsulate");
            if (toThrow != null) {
                throw toThrow;
            }
            byte[] secret = mask(ciphertext, decapsulationKey);
            handedOut.add(secret);
            return secret;
        }

        private static byte[] mask(byte[] value, byte[] key) {
            byte[] out = new byte[CT];
            for (int i = 0; i < CT; i++) {
                out[i] = (byte) (value[i] ^ key[i]);
            }
            return out;
        }
    }

    /** An agreement whose secret is fixed; its public value is four bytes of 0x0c. */
    private final class ToyAgreement implements KeyAgreementPrimitive<String> {
        byte[] secret = KCL;

        @Override
        public Ephemeral<String> generate(SecureRandom random) {
            calls.add("classic generate");
            return new Ephemeral<>("private", new byte[] {12, 12, 12, 12});
        }

        @Override
        public byte[] agree(String privateKey, byte[] peerValue) {
            calls.add("classic agree");
            byte[] k = secret.clone();
            handedOut.add(k);
            return k;
        }
    }

    private final ToyKem kem = new ToyKem();
    private final ToyAgreement classic = new ToyAgreement();

    private EphemeralKeyExchange exchange(PeerValueCheck check) {
        return EphemeralKeyExchange.hybrid("toy-hybrid-sha256", ExchangeDigest.SHA256, kem,
                new ClassicHalf<>("TOY", CLASSIC, classic, check));
    }

    private EphemeralKeyExchange exchange() {
        return exchange(PeerValueCheck.exactLength(CLASSIC));
    }

    private static byte[] expectedK(byte[] kpq, byte[] kcl) throws Exception {
        MessageDigest h = MessageDigest.getInstance("SHA-256");
        h.update(kpq);
        h.update(kcl);
        return new SshWriter(36).writeString(h.digest()).toByteArray();
    }

    private static void assertKexFailed(Step step) {
        SshProtocolException e = assertThrows(SshProtocolException.class, step::run);
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
    }

    private interface Step {
        void run() throws Exception;
    }

    private static byte[] bytes(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Example
    void valuesAreKemPartThenClassicPartAndKIsTheHashOfBothSecrets() throws Exception {
        EphemeralKeyExchange kex = exchange();
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new SecureRandom());
        byte[] qc = init.publicValue();
        assertEquals(EK + CLASSIC, qc.length);
        assertArrayEquals(bytes(CLASSIC, 12), Arrays.copyOfRange(qc, EK, qc.length));

        KeyExchangeAlgorithm.Response r = kex.respond(qc, new SecureRandom());
        byte[] qs = r.publicValue();
        assertEquals(CT + CLASSIC, qs.length);
        assertArrayEquals(bytes(CLASSIC, 12), Arrays.copyOfRange(qs, CT, qs.length));
        byte[] kpq = ToyKem.mask(Arrays.copyOf(qs, CT), Arrays.copyOf(qc, EK));
        assertArrayEquals(expectedK(kpq, KCL), r.secret().encoded());
        assertArrayEquals(r.secret().encoded(), init.complete(qs).encoded());
        assertEquals(List.of(new KeyExchangeAlgorithm.ValuePart("TOY-KEM encapsulation key", EK),
                new KeyExchangeAlgorithm.ValuePart("TOY public key", CLASSIC)), kex.valueParts(true));
        assertEquals(List.of(new KeyExchangeAlgorithm.ValuePart("TOY-KEM ciphertext", CT),
                new KeyExchangeAlgorithm.ValuePart("TOY public key", CLASSIC)), kex.valueParts(false));
    }

    @Example
    void theKemDrawsItsRandomnessBeforeTheClassicHalf() throws Exception {
        EphemeralKeyExchange kex = exchange();
        byte[] qc = kex.initiate(new SecureRandom()).publicValue();
        assertEquals(List.of("kem generate", "classic generate"), calls);
        calls.clear();
        kex.respond(qc, new SecureRandom());
        assertEquals(List.of("kem encapsulate", "classic generate", "classic agree"), calls);
    }

    @Example
    void bothRawSecretsAreWipedOnBothSides() throws Exception {
        EphemeralKeyExchange kex = exchange();
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new SecureRandom());
        init.complete(kex.respond(init.publicValue(), new SecureRandom()).publicValue());
        assertEquals(4, handedOut.size(), "K_PQ and K_CL on each side");
        for (byte[] secret : handedOut) {
            assertArrayEquals(new byte[secret.length], secret, "a raw secret was left in memory");
        }
    }

    @Example
    void wrongTotalLengthsAreRefusedBeforeAnyLibrarySeesThem() {
        EphemeralKeyExchange kex = exchange();
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new SecureRandom());
        calls.clear();
        for (int length : new int[] {0, EK, CLASSIC, EK + CLASSIC - 1, EK + CLASSIC + 1}) {
            assertKexFailed(() -> kex.respond(new byte[length], new SecureRandom()));
        }
        for (int length : new int[] {0, CT, CLASSIC, CT + CLASSIC - 1, CT + CLASSIC + 1}) {
            assertKexFailed(() -> init.complete(new byte[length]));
        }
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Example
    void aClassicValueTheCheckRefusesFailsTheExchangeBeforeTheKemRuns() {
        EphemeralKeyExchange kex = exchange(v -> {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "not a point");
        });
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new SecureRandom());
        calls.clear();
        assertKexFailed(() -> kex.respond(new byte[EK + CLASSIC], new SecureRandom()));
        assertKexFailed(() -> init.complete(new byte[CT + CLASSIC]));
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Example
    void anAllZeroClassicSecretIsRefusedAndTheKemSecretWiped() {
        classic.secret = new byte[5];
        EphemeralKeyExchange kex = exchange();
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new SecureRandom());
        assertKexFailed(() -> kex.respond(init.publicValue(), new SecureRandom()));
        assertKexFailed(() -> init.complete(new byte[CT + CLASSIC]));
        for (byte[] secret : handedOut) {
            assertArrayEquals(new byte[secret.length], secret);
        }
    }

    @Example
    void aKemFailureIsKeyExchangeFailedNamingNoSecret() {
        kem.toThrow = new GeneralSecurityException("secret 0xdeadbeef");
        EphemeralKeyExchange kex = exchange();
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new SecureRandom());
        for (Step step : List.<Step>of(() -> kex.respond(init.publicValue(), new SecureRandom()),
                () -> init.complete(new byte[CT + CLASSIC]))) {
            SshProtocolException e = assertThrows(SshProtocolException.class, step::run);
            assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
            assertFalse(e.getMessage().contains("deadbeef"), e.getMessage());
            assertNull(e.getCause());
        }
    }

    @Property(tries = 100)
    void kIsTheHashOfBothSecretsForAnyClientValue(@ForAll @Size(value = EK + CLASSIC) byte[] qc)
            throws Exception {
        KeyExchangeAlgorithm.Response r = exchange().respond(qc, new SecureRandom());
        byte[] kpq = ToyKem.mask(Arrays.copyOf(r.publicValue(), CT), qc);
        assertArrayEquals(expectedK(kpq, KCL), r.secret().encoded());
    }
}
