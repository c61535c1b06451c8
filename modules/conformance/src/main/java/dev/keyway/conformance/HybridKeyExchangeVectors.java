package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Known answers for the ML-KEM hybrids ({@code mlkem-hybrid.txt} joined with {@code ml-kem.txt}):
 * NIST's ML-KEM vectors beside RFC 7748 and RFC 5903 agreements, K hashed by OpenSSL. Keys
 * go in through {@link FixedBytesRandom}, the KEM's randomness first.
 * <ul>
 * <li>an {@code exchange} record runs both sides: the client's Q_C, the server's Q_S and K,
 *     the client's K from Q_S, and the client's K from a ciphertext it did not get, which
 *     ML-KEM answers with its implicit-rejection secret (FIPS 203 Algorithm 18);
 * <li>an {@code encaps} record runs the server on a published encapsulation key.
 * </ul>
 */
public final class HybridKeyExchangeVectors {
    private HybridKeyExchangeVectors() {
    }

    /**
     * Runs every vector for the algorithm's name.
     *
     * @return how many ran; 0 when the kit has none for the name
     */
    public static int run(KeyExchangeAlgorithm kex) {
        Map<String, Vectors.Record> kems = Vectors.load("ml-kem.txt").stream()
                .collect(Collectors.toMap(r -> r.text("id"), Function.identity()));
        List<Vectors.Record> hybrids = Vectors.load("mlkem-hybrid.txt").stream()
                .filter(r -> r.text("name").equals(kex.name())).toList();
        for (Vectors.Record v : hybrids) {
            Vectors.Record kem = kems.get(v.text("kem"));
            if (kem.text("kind").equals("exchange")) {
                exchange(kex, kem, v);
            } else {
                respond(kex, kem.hex("ek"), kem, v);
            }
        }
        return hybrids.size();
    }

    private static void exchange(KeyExchangeAlgorithm kex, Vectors.Record kem, Vectors.Record v) {
        byte[] clientRandom = concat(kem.hex("d"), kem.hex("z"), v.hex("client_private"));
        KeyExchangeAlgorithm.Initiator init = kex.initiate(new FixedBytesRandom(clientRandom));
        byte[] qc = concat(kem.hex("ek"), v.hex("client_public"));
        expect(kex, v, "Q_C", qc, init.publicValue());
        byte[] qs = respond(kex, kem.hex("ek"), kem, v);
        expect(kex, v, "K (client)", string(v.hex("k")), complete(kex, init, qs, v));

        KeyExchangeAlgorithm.Initiator rejecting = kex.initiate(new FixedBytesRandom(clientRandom));
        byte[] forged = concat(kem.hex("c_reject"), v.hex("server_public"));
        expect(kex, v, "K (client, implicit rejection)", string(v.hex("k_reject")),
                complete(kex, rejecting, forged, v));
    }

    /** The server's side: Q_S = c || server_public and K; returns Q_S. */
    private static byte[] respond(KeyExchangeAlgorithm kex, byte[] ek, Vectors.Record kem, Vectors.Record v) {
        byte[] qc = concat(ek, v.hex("client_public"));
        KeyExchangeAlgorithm.Response r;
        try {
            r = kex.respond(qc, new FixedBytesRandom(concat(kem.hex("m"), v.hex("server_private"))));
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + " " + v + ": refused the vector's Q_C", e);
        }
        byte[] qs = concat(kem.hex("c"), v.hex("server_public"));
        expect(kex, v, "Q_S", qs, r.publicValue());
        expect(kex, v, "K (server)", string(v.hex("k")), r.secret().encoded());
        return qs;
    }

    private static byte[] complete(KeyExchangeAlgorithm kex, KeyExchangeAlgorithm.Initiator init, byte[] qs,
            Vectors.Record v) {
        try {
            return init.complete(qs).encoded();
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + " " + v + ": refused the vector's Q_S", e);
        }
    }

    private static byte[] string(byte[] value) {
        return SharedSecret.string(value).encoded();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Known-answer values are public test data, so printing them is harmless. */
    private static void expect(KeyExchangeAlgorithm kex, Vectors.Record v, String what, byte[] expected,
            byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(kex.name() + " " + v + " (kem " + v.text("kem") + "): " + what
                    + " differs: expected " + HexFormat.of().formatHex(expected) + ", got "
                    + HexFormat.of().formatHex(actual));
        }
    }
}
