package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Known-answer tests for key exchanges with a standard name, read from the vector files.
 * Private keys go in through {@link FixedBytesRandom} (see there for the contract).
 */
public final class KeyExchangeVectors {
    private KeyExchangeVectors() {
    }

    /**
     * Runs every vector that applies to the algorithm's name.
     *
     * @return how many vectors ran; 0 when the kit knows no vectors for the name
     */
    public static int run(KeyExchangeAlgorithm kex) {
        if (KeyExchangeChecks.X25519_NAMES.contains(kex.name())) {
            return runX25519(kex);
        }
        if (KeyExchangeChecks.ECDH_P256.equals(kex.name())) {
            return runP256(kex);
        }
        if (HybridKeyExchangeChecks.MLKEM_NAMES.contains(kex.name())) {
            return HybridKeyExchangeVectors.run(kex);
        }
        if (SntrupVectors.NAMES.contains(kex.name())) {
            return SntrupVectors.run(kex);
        }
        return 0;
    }

    private static int runX25519(KeyExchangeAlgorithm kex) {
        int n = 0;
        for (Vectors.Record v : Vectors.load("x25519.txt")) {
            if (v.text("kind").equals("function")) {
                // Responding to u with the vector's scalar computes X25519(scalar, u) as K.
                KeyExchangeAlgorithm.Response r = respond(kex, v.hex("u"), v.hex("scalar"), v);
                expect(v, "output", mpint(v.hex("output")), r.secret());
            } else {
                exchange(kex, v, v.hex("private_a"), v.hex("public_a"), v.hex("private_b"),
                        v.hex("public_b"), v.hex("k"));
            }
            n++;
        }
        return n;
    }

    private static int runP256(KeyExchangeAlgorithm kex) {
        int n = 0;
        for (Vectors.Record v : Vectors.load("ecdh-p256.txt")) {
            exchange(kex, v, v.hex("i"), v.hex("gi"), v.hex("r"), v.hex("gr"), v.hex("girx"));
            n++;
        }
        return n;
    }

    /** Both directions of one exchange with fixed keys: public values and K must match. */
    private static void exchange(KeyExchangeAlgorithm kex, Vectors.Record v, byte[] privA, byte[] pubA,
            byte[] privB, byte[] pubB, byte[] k) {
        new KnownExchange(v.toString(), new FixedBytesRandom(privA), pubA, new FixedBytesRandom(privB), pubB,
                mpint(k)).check(kex);
    }

    private static KeyExchangeAlgorithm.Response respond(KeyExchangeAlgorithm kex, byte[] peer, byte[] priv,
            Vectors.Record v) {
        try {
            return kex.respond(peer, new FixedBytesRandom(priv));
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + " " + v + ": refused the vector's value", e);
        }
    }

    private static byte[] mpint(byte[] unsignedBigEndian) {
        return SharedSecret.mpint(unsignedBigEndian).encoded();
    }

    private static void expect(Vectors.Record v, String what, byte[] expected, SharedSecret actual) {
        if (!Arrays.equals(expected, actual.encoded())) {
            // Known-answer K values are public test data, so printing them is harmless.
            throw new AssertionError(v + ": " + what + " differs: expected "
                    + HexFormat.of().formatHex(expected) + ", got " + HexFormat.of().formatHex(actual.encoded()));
        }
    }
}
