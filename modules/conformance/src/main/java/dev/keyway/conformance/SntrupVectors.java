package dev.keyway.conformance;

import dev.keyway.api.spi.KeyExchangeAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Known-answer vectors for {@code sntrup761x25519-sha512} (RFC 9941), from
 * {@code sntrup761x25519.txt}: records of the Streamlined NTRU Prime submission's known-answer
 * file beside the X25519 keys of RFC 7748 §6.1, with K computed apart from Keyway (the file's
 * header says where each value comes from).
 *
 * <p>The KEM's randomness is the submission's: {@link NistKatRandom} seeded with the record's
 * seed, drawn in the calls the reference code makes (one 4-byte call per coefficient), and
 * replayed through a {@link FixedBytesRandom}, so that a library may split its draws as it
 * likes. Bouncy Castle 1.87 draws a polynomial's 761 words in one call, so fed straight from
 * the generator it would not reproduce the file. The client's random is what key generation
 * draws, then the client's X25519 scalar; the server's is what encapsulation draws next, then
 * the server's scalar: the hybrid lets the KEM draw first.
 */
final class SntrupVectors {
    /** The method's two names. */
    static final Set<String> NAMES = Set.of("sntrup761x25519-sha512@openssh.com", "sntrup761x25519-sha512");

    /** Coefficients of an sntrup761 polynomial; the reference draws 4 bytes for each. */
    private static final int P = 761;
    /** Bytes of rho, an encoded small polynomial ((p + 3) / 4), drawn in one call. */
    private static final int RHO_BYTES = 191;

    private SntrupVectors() {
    }

    /** Runs the vectors; the name is one of {@link #NAMES}. */
    static int run(KeyExchangeAlgorithm kex) {
        int n = 0;
        for (Vectors.Record v : Vectors.load("sntrup761x25519.txt")) {
            NistKatRandom kat = new NistKatRandom(v.hex("seed"));
            byte[] keyGeneration = keyGenerationDraws(kat, Integer.parseInt(v.text("g_tries")));
            byte[] encapsulation = draws(kat, 4, P);
            new KnownExchange(v.file() + " count " + v.text("count"),
                    new FixedBytesRandom(concat(keyGeneration, v.hex("x25519_client_private"))),
                    concat(v.hex("pk"), v.hex("x25519_client_public")),
                    new FixedBytesRandom(concat(encapsulation, v.hex("x25519_server_private"))),
                    concat(v.hex("ct"), v.hex("x25519_server_public")),
                    v.hex("k")).check(kex);
            n++;
        }
        return n;
    }

    /**
     * The reference key generation's draws: 4 bytes a coefficient of g, again for each try until
     * g is invertible mod 3 (Small_random), then of f (Short_random), then rho.
     */
    private static byte[] keyGenerationDraws(NistKatRandom kat, int gTries) {
        byte[] coefficients = draws(kat, 4, (gTries + 1) * P);
        return concat(coefficients, draws(kat, RHO_BYTES, 1));
    }

    /** {@code calls} draws of {@code size} bytes each, one {@code randombytes} call apiece. */
    private static byte[] draws(NistKatRandom kat, int size, int calls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * calls);
        byte[] one = new byte[size];
        for (int i = 0; i < calls; i++) {
            kat.nextBytes(one);
            out.writeBytes(one);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
