package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.NistCurve;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import dev.keyway.api.wire.SshReader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The laws of a post-quantum hybrid key exchange, for any KEM beside any classic agreement
 * ({@code draft-ietf-sshm-mlkem-hybrid-kex} §2, OpenSSH's {@code sntrup761x25519-sha512}, RFC
 * 9941): each value is the KEM's part followed by the classic part, and K is one output of the
 * method's hash, sent as a string. A method is a hybrid when {@link KeyExchangeAlgorithm#valueParts}
 * names two parts; the split, and the classic curve (from the second part's label), are learnt
 * from there. Plain methods that throw {@link AssertionError}, as in {@link KeyExchangeChecks}.
 *
 * <p>What a hybrid must refuse with KEY_EXCHANGE_FAILED, on the side that receives it: any
 * value of another length (one byte short or long, the KEM part alone, the classic part alone),
 * a classic part its curve refuses (an X25519 point of small order, whose agreement is all
 * zeros, RFC 7748 §6.1; an ECDH point off the curve, not uncompressed, or with a coordinate
 * of p, RFC 5656 §4), and for ML-KEM an encapsulation key that fails FIPS 203 §7.2's modulus
 * check. What it must accept: a ciphertext part it did not make, which decapsulates to an
 * unrelated K (implicit rejection), and an encapsulation key whose coefficients are at most
 * q - 1.
 */
public final class HybridKeyExchangeChecks {
    /** The ML-KEM hybrids of draft-ietf-sshm-mlkem-hybrid-kex. */
    public static final Set<String> MLKEM_NAMES =
            Set.of("mlkem768x25519-sha256", "mlkem768nistp256-sha256", "mlkem1024nistp384-sha384");
    /** ML-KEM's modulus q (FIPS 203 §2.4): every coefficient of a key must be below it. */
    static final int Q = 3329;

    private HybridKeyExchangeChecks() {
    }

    /** Whether a key exchange is a hybrid: an ML-KEM name, or a value in two named parts. */
    public static boolean isHybrid(KeyExchangeAlgorithm kex) {
        return MLKEM_NAMES.contains(kex.name()) || kex.valueParts(true).size() == 2;
    }

    /** Checks that K is a string holding exactly one output of the method's hash. */
    public static void assertHashString(KeyExchangeAlgorithm kex, byte[] encoded) {
        int hashBytes = kex.newDigest().getDigestLength();
        if (encoded.length != 4 + hashBytes || SshReader.uint32At(encoded, 0) != hashBytes) {
            throw new AssertionError(kex.name() + ": K is not a string of one " + hashBytes + "-byte hash");
        }
    }

    /**
     * Checks that values of a wrong shape are refused with KEY_EXCHANGE_FAILED by the side that
     * receives them: {@link #clientValuesToRefuse} by the server, {@link #serverValuesToRefuse}
     * (made from a real answer) by the client. Each refusal is asked of a fresh exchange, since
     * one may be spent once it has failed.
     */
    public static void assertMalformedValuesRefused(KeyExchangeAlgorithm kex, SecureRandom random) {
        byte[] qc = kex.initiate(random).publicValue();
        for (byte[] bad : clientValuesToRefuse(kex, qc)) {
            KeyExchangeChecks.assertRefusedByResponder(kex, bad, random);
        }
        byte[] qs;
        try {
            qs = kex.respond(qc, random).publicValue();
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + ": refused a client's own value: " + e.getMessage(), e);
        }
        for (byte[] bad : serverValuesToRefuse(kex, qs)) {
            KeyExchangeChecks.assertRefusedByInitiator(kex, bad, random);
        }
    }

    /** Client values (Q_C) a responder must refuse, made from a valid one. */
    public static List<byte[]> clientValuesToRefuse(KeyExchangeAlgorithm kex, byte[] validQc) {
        int kemBytes = kemBytes(kex, true);
        List<byte[]> out = wrongLengths(validQc, kemBytes);
        out.addAll(badClassicParts(kex, validQc, kemBytes));
        if (MLKEM_NAMES.contains(kex.name())) {
            out.add(withFirstCoefficient(validQc, Q));
            out.add(withFirstCoefficient(validQc, 0xfff));
        }
        return out;
    }

    /** Server values (Q_S) an initiator must refuse, made from a valid one. */
    public static List<byte[]> serverValuesToRefuse(KeyExchangeAlgorithm kex, byte[] validQs) {
        int kemBytes = kemBytes(kex, false);
        List<byte[]> out = wrongLengths(validQs, kemBytes);
        out.addAll(badClassicParts(kex, validQs, kemBytes));
        return out;
    }

    /**
     * Checks ML-KEM's modulus check is not too strict: a client value whose first coefficient
     * is q - 1, the largest allowed, is accepted (FIPS 203 §7.2).
     */
    public static void assertLargestCoefficientAccepted(KeyExchangeAlgorithm kex, byte[] validQc,
            SecureRandom random) {
        try {
            assertHashString(kex, kex.respond(withFirstCoefficient(validQc, Q - 1), random).secret().encoded());
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + ": refused a key whose coefficients are all below q", e);
        }
    }

    /**
     * Implicit rejection: a ciphertext part changed on the way, in one bit or wholly replaced
     * by noise, still decapsulates, to a K other than the server's (FIPS 203 Algorithm 18 derives
     * it from z; Streamlined NTRU Prime from rho). Refusing it would tell an attacker which
     * ciphertexts decrypt.
     *
     * @param flip which bit of the ciphertext part to flip, taken modulo its length
     */
    public static void assertImplicitRejection(KeyExchangeAlgorithm kex, SecureRandom clientRandom,
            SecureRandom serverRandom, int flip) {
        int ciphertextBytes = kemBytes(kex, false);
        assertChangedCiphertextGivesAnotherK(kex, clientRandom, serverRandom, ciphertext -> {
            int bit = Math.floorMod(flip, 8 * ciphertextBytes);
            ciphertext[bit / 8] ^= (byte) (1 << (bit % 8));
        });
        assertChangedCiphertextGivesAnotherK(kex, clientRandom, serverRandom, ciphertext -> {
            byte[] noise = new byte[ciphertextBytes];
            serverRandom.nextBytes(noise);
            System.arraycopy(noise, 0, ciphertext, 0, ciphertextBytes);
        });
    }

    private static void assertChangedCiphertextGivesAnotherK(KeyExchangeAlgorithm kex, SecureRandom clientRandom,
            SecureRandom serverRandom, java.util.function.Consumer<byte[]> change) {
        KeyExchangeAlgorithm.Initiator init = kex.initiate(clientRandom);
        SharedSecret clientK;
        KeyExchangeAlgorithm.Response response;
        try {
            response = kex.respond(init.publicValue(), serverRandom);
            byte[] forged = response.publicValue();
            change.accept(forged);
            clientK = init.complete(forged);
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + ": refused a ciphertext of the right length;"
                    + " decapsulation must answer it with an unrelated K (implicit rejection)", e);
        }
        assertHashString(kex, clientK.encoded());
        if (Arrays.equals(clientK.encoded(), response.secret().encoded())) {
            throw new AssertionError(kex.name() + ": a changed ciphertext gave the server's K");
        }
    }

    /** Bytes of the KEM part of Q_C or Q_S, as the exchange names its parts. */
    private static int kemBytes(KeyExchangeAlgorithm kex, boolean fromClient) {
        List<KeyExchangeAlgorithm.ValuePart> parts = kex.valueParts(fromClient);
        if (parts.size() != 2) {
            throw new AssertionError(kex.name() + ": a hybrid must name its two value parts, not " + parts);
        }
        return parts.get(0).bytes();
    }

    private static List<byte[]> wrongLengths(byte[] valid, int kemBytes) {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[0]);
        out.add(Arrays.copyOf(valid, valid.length - 1));
        out.add(Arrays.copyOf(valid, valid.length + 1));
        out.add(Arrays.copyOf(valid, kemBytes));
        out.add(Arrays.copyOfRange(valid, kemBytes, valid.length));
        return out;
    }

    /**
     * The valid value with its classic part replaced by each value the classic curve refuses,
     * the curve named by the part's label ({@link dev.keyway.api.spi.ClassicHalf}'s name): X25519
     * or ECDH on P-256 or P-384. Another curve gets only the all-zero part, which is no point
     * of any curve in use and, for a Montgomery curve, an all-zero agreement.
     */
    private static List<byte[]> badClassicParts(KeyExchangeAlgorithm kex, byte[] valid, int kemBytes) {
        byte[] classic = Arrays.copyOfRange(valid, kemBytes, valid.length);
        String label = kex.valueParts(true).get(1).label();
        List<byte[]> parts = new ArrayList<>();
        if (label.startsWith("X25519")) {
            KeyExchangeChecks.invalidValues("curve25519-sha256").stream()
                    .filter(v -> v.length == classic.length).forEach(parts::add);
        } else if (label.contains(NistCurve.P256.sshIdentifier()) || label.contains(NistCurve.P256.name())) {
            parts.addAll(badPoints(NistCurve.P256, classic));
        } else if (label.contains(NistCurve.P384.sshIdentifier()) || label.contains(NistCurve.P384.name())) {
            parts.addAll(badPoints(NistCurve.P384, classic));
        } else {
            parts.add(new byte[classic.length]);
        }
        List<byte[]> out = new ArrayList<>();
        for (byte[] part : parts) {
            byte[] bad = valid.clone();
            System.arraycopy(part, 0, bad, kemBytes, part.length);
            out.add(bad);
        }
        return out;
    }

    /** Points of the right length that are not uncompressed points on the curve. */
    private static List<byte[]> badPoints(NistCurve curve, byte[] valid) {
        int f = curve.fieldBytes();
        byte[] offCurve = valid.clone();
        offCurve[valid.length - 1] ^= 1;
        byte[] compressedPrefix = valid.clone();
        compressedPrefix[0] = 2;
        byte[] infinityPrefix = valid.clone();
        infinityPrefix[0] = 0;
        byte[] zeros = new byte[valid.length];
        zeros[0] = 4;
        byte[] xIsP = valid.clone();
        curve.writeFixed(curve.p(), xIsP, 1);
        byte[] yIsP = valid.clone();
        curve.writeFixed(curve.p(), yIsP, 1 + f);
        return List.of(offCurve, compressedPrefix, infinityPrefix, zeros, xIsP, yIsP);
    }

    /**
     * The client value with the first coefficient of ML-KEM's t̂ set to {@code value}: ek
     * starts with ByteEncode12 (FIPS 203 Algorithm 5), so coefficient 0 is the low 12 bits of
     * its first two bytes, little-endian.
     */
    static byte[] withFirstCoefficient(byte[] qc, int value) {
        byte[] out = qc.clone();
        out[0] = (byte) value;
        out[1] = (byte) ((out[1] & 0xf0) | (value >> 8));
        return out;
    }
}
