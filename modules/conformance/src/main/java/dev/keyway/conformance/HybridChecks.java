package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import dev.keyway.api.wire.SshReader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The laws of a post-quantum hybrid key exchange, for any KEM beside any classic agreement
 * (OpenSSH's {@code sntrup761x25519-sha512}, RFC 9941, and {@code mlkem768x25519-sha256},
 * draft-ietf-sshm-mlkem-hybrid-kex): each value is the KEM's part then the classic part, and K
 * is a string holding HASH(K_PQ || K_CL). A method is a hybrid when
 * {@link KeyExchangeAlgorithm#valueParts} names two parts, and the split is learnt from there.
 * Like {@link KeyExchangeChecks}, each check throws {@link AssertionError} on a violation.
 */
public final class HybridChecks {
    private HybridChecks() {
    }

    /**
     * Checks that values of the wrong shape are refused with KEY_EXCHANGE_FAILED, by the server
     * (as Q_C) and by the client (as Q_S): nothing, one byte short, one byte long, the KEM's part
     * alone, and the KEM's part of a real value with a classic part of zeros (X25519 gives an
     * all-zero K_CL, refused by RFC 7748 §6.1; zeros are no curve point). An X25519 half is also
     * tried with every low-order point of {@code x25519-low-order.txt}. Each refusal is asked of
     * a fresh initiator, since one may be spent once it has failed, and each bad Q_S is made
     * from that initiator's own answer.
     */
    public static void assertMalformedValuesRefused(KeyExchangeAlgorithm kex, SecureRandom random) {
        byte[] clientValue = kex.initiate(random).publicValue();
        for (byte[] bad : malformed(kex, true, clientValue)) {
            KeyExchangeChecks.expectRejection(kex, "respond", () -> kex.respond(bad, random));
        }
        List<byte[]> serverVariants;
        int i = 0;
        do {
            KeyExchangeAlgorithm.Initiator init = kex.initiate(random);
            serverVariants = malformed(kex, false, respond(kex, init.publicValue(), random).publicValue());
            byte[] bad = serverVariants.get(i);
            KeyExchangeChecks.expectRejection(kex, "complete", () -> init.complete(bad));
        } while (++i < serverVariants.size());
    }

    /**
     * Checks implicit rejection: a ciphertext changed on the way (one bit of it, or all of it)
     * does not make the client fail, which would tell an attacker which changes matter; the
     * client derives a K, and it differs from the server's. Streamlined NTRU Prime derives it
     * from the secret rho when re-encryption does not give the ciphertext back, ML-KEM from z
     * (FIPS 203 §6.3).
     */
    public static void assertChangedCiphertextGivesAnotherK(KeyExchangeAlgorithm kex, SecureRandom random) {
        int ciphertextBytes = kex.valueParts(false).get(0).bytes();
        for (boolean oneBit : new boolean[] {true, false}) {
            KeyExchangeAlgorithm.Initiator init = kex.initiate(random);
            KeyExchangeAlgorithm.Response response = respond(kex, init.publicValue(), random);
            byte[] changed = response.publicValue();
            if (oneBit) {
                changed[random.nextInt(ciphertextBytes)] ^= (byte) (1 << random.nextInt(8));
            } else {
                byte[] noise = new byte[ciphertextBytes];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, changed, 0, ciphertextBytes);
            }
            SharedSecret clientK;
            try {
                clientK = init.complete(changed);
            } catch (SshProtocolException e) {
                throw new AssertionError(kex.name() + ": refused a changed ciphertext: " + e.getMessage(), e);
            }
            if (Arrays.equals(response.secret().encoded(), clientK.encoded())) {
                throw new AssertionError(kex.name() + ": a changed ciphertext gave the server's K");
            }
        }
    }

    /** Wrong shapes of {@code valid}, a real Q_C ({@code fromClient}) or Q_S. */
    private static List<byte[]> malformed(KeyExchangeAlgorithm kex, boolean fromClient, byte[] valid) {
        List<KeyExchangeAlgorithm.ValuePart> parts = kex.valueParts(fromClient);
        int kemBytes = parts.get(0).bytes();
        int classicBytes = parts.get(1).bytes();
        if (valid.length != kemBytes + classicBytes) {
            throw new AssertionError(kex.name() + ": a " + valid.length + "-byte value, but its parts say "
                    + kemBytes + " + " + classicBytes);
        }
        List<byte[]> out = new ArrayList<>(List.of(new byte[0], Arrays.copyOf(valid, valid.length - 1),
                Arrays.copyOf(valid, valid.length + 1), Arrays.copyOf(valid, kemBytes)));
        List<byte[]> classicValues = new ArrayList<>();
        classicValues.add(new byte[classicBytes]);
        if (parts.get(1).label().startsWith("X25519")) {
            for (Vectors.Record lowOrder : Vectors.load("x25519-low-order.txt")) {
                classicValues.add(lowOrder.hex("value"));
            }
        }
        for (byte[] classic : classicValues) {
            byte[] value = valid.clone();
            System.arraycopy(classic, 0, value, kemBytes, classicBytes);
            out.add(value);
        }
        return out;
    }

    private static KeyExchangeAlgorithm.Response respond(KeyExchangeAlgorithm kex, byte[] clientValue,
            SecureRandom random) {
        try {
            return kex.respond(clientValue, random);
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + ": refused a client's own value: " + e.getMessage(), e);
        }
    }
}
