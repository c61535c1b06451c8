package dev.keyway.conformance;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The checks behind {@link KeyExchangeConformance}, as plain methods that throw
 * {@link AssertionError} on a violation, so that any test (a differential test across
 * providers, a test of a deliberately broken algorithm) can call them directly.
 */
public final class KeyExchangeChecks {
    /** Names of the X25519 exchange (RFC 8731 §3). */
    public static final Set<String> X25519_NAMES = Set.of("curve25519-sha256", "curve25519-sha256@libssh.org");
    /** The name of ECDH on P-256 (RFC 5656 §6.3). */
    public static final String ECDH_P256 = "ecdh-sha2-nistp256";

    private KeyExchangeChecks() {
    }

    /**
     * Runs one exchange, {@code client} initiating and {@code server} responding, and checks
     * that both reach the same K in the form the method uses ({@link #assertWellFormedK}).
     *
     * @return the encoded K
     */
    public static byte[] agree(KeyExchangeAlgorithm client, SecureRandom clientRandom,
            KeyExchangeAlgorithm server, SecureRandom serverRandom) {
        KeyExchangeAlgorithm.Initiator init = client.initiate(clientRandom);
        byte[] qc = init.publicValue();
        try {
            KeyExchangeAlgorithm.Response resp = server.respond(qc, serverRandom);
            SharedSecret kc = init.complete(resp.publicValue());
            byte[] serverK = resp.secret().encoded();
            byte[] clientK = kc.encoded();
            if (!Arrays.equals(serverK, clientK)) {
                throw new AssertionError(client.name() + ": the two sides derived different K");
            }
            assertWellFormedK(client, clientK);
            return clientK;
        } catch (SshProtocolException e) {
            throw new AssertionError(client.name() + ": a valid exchange was refused: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that an encoded K has the form its method gives it: a string holding one output
     * of the method's hash for a post-quantum hybrid ({@link HybridKeyExchangeChecks#isHybrid}),
     * a minimal mpint otherwise.
     */
    public static void assertWellFormedK(KeyExchangeAlgorithm kex, byte[] encoded) {
        if (HybridKeyExchangeChecks.isHybrid(kex)) {
            HybridKeyExchangeChecks.assertHashString(kex, encoded);
        } else {
            assertMinimalMpint(encoded);
        }
    }

    /**
     * Checks that an encoded K is an mpint (RFC 4251 §5) that is positive and minimal: no
     * superfluous leading zero byte, and a 0x00 prefix exactly when the top bit is set.
     */
    public static void assertMinimalMpint(byte[] encoded) {
        if (encoded.length < 4) {
            throw new AssertionError("K is shorter than its length field");
        }
        int len = dev.keyway.api.wire.SshReader.uint32At(encoded, 0);
        if (len != encoded.length - 4) {
            throw new AssertionError("K's length field says " + len + " but " + (encoded.length - 4) + " follow");
        }
        if (len == 0) {
            throw new AssertionError("K is zero");
        }
        if (encoded[4] < 0) {
            throw new AssertionError("K would read as negative: missing 0x00 prefix");
        }
        if (len > 1 && encoded[4] == 0 && encoded[5] >= 0) {
            throw new AssertionError("K has a superfluous leading zero byte");
        }
        if (encoded[4] == 0 && len == 1) {
            throw new AssertionError("K is a lone zero byte");
        }
    }

    /**
     * Checks that a peer value is refused on both sides, by {@code respond} and by
     * {@code complete}, with {@link SshProtocolException} and reason KEY_EXCHANGE_FAILED,
     * and with no other exception.
     */
    public static void assertRejected(KeyExchangeAlgorithm kex, byte[] badValue, SecureRandom random) {
        assertRefusedByResponder(kex, badValue, random);
        assertRefusedByInitiator(kex, badValue, random);
    }

    /** Checks that {@code respond} refuses a client value with KEY_EXCHANGE_FAILED and nothing else. */
    public static void assertRefusedByResponder(KeyExchangeAlgorithm kex, byte[] badValue, SecureRandom random) {
        expectRejection(kex, "respond", () -> kex.respond(badValue.clone(), random));
    }

    /** Checks that {@code complete} refuses a server value with KEY_EXCHANGE_FAILED and nothing else. */
    public static void assertRefusedByInitiator(KeyExchangeAlgorithm kex, byte[] badValue, SecureRandom random) {
        KeyExchangeAlgorithm.Initiator init = kex.initiate(random);
        expectRejection(kex, "complete", () -> init.complete(badValue.clone()));
    }

    /** A step of an exchange that should refuse a peer's value. */
    interface Step {
        Object run() throws SshProtocolException;
    }

    /** Runs {@code s}, which must throw SshProtocolException with KEY_EXCHANGE_FAILED and nothing else. */
    static void expectRejection(KeyExchangeAlgorithm kex, String step, Step s) {
        try {
            s.run();
        } catch (SshProtocolException e) {
            if (e.reason() != DisconnectReason.KEY_EXCHANGE_FAILED) {
                throw new AssertionError(kex.name() + " " + step + ": wrong reason " + e.reason(), e);
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(kex.name() + " " + step + ": threw " + e, e);
        }
        throw new AssertionError(kex.name() + " " + step + ": accepted an invalid peer value");
    }

    /**
     * Checks that arbitrary bytes as a peer value, on either side ({@code respond} and
     * {@code complete}), are either accepted, giving a well-formed K, or refused with
     * KEY_EXCHANGE_FAILED; never any other exception, nor an unbounded allocation. (32 random
     * bytes are a valid X25519 value almost always, so acceptance is allowed.)
     */
    public static void assertArbitraryValueHandled(KeyExchangeAlgorithm kex, byte[] value, SecureRandom random) {
        HostileInput.Attempt<KeyExchangeAlgorithm.Response> responded = HostileInput.attempt(kex.name() + " respond",
                HostileInput.ALLOCATION_BOUND, () -> kex.respond(value.clone(), random));
        checkAttempt(kex, "respond", responded.refusal(), responded.result() == null ? null : responded.result().secret());
        KeyExchangeAlgorithm.Initiator init = kex.initiate(random);
        HostileInput.Attempt<SharedSecret> completed = HostileInput.attempt(kex.name() + " complete",
                HostileInput.ALLOCATION_BOUND, () -> init.complete(value.clone()));
        checkAttempt(kex, "complete", completed.refusal(), completed.result());
    }

    private static void checkAttempt(KeyExchangeAlgorithm kex, String step, SshProtocolException refusal, SharedSecret k) {
        if (refusal != null && refusal.reason() != DisconnectReason.KEY_EXCHANGE_FAILED) {
            throw new AssertionError(kex.name() + " " + step + ": wrong reason " + refusal.reason(), refusal);
        }
        if (k != null) {
            assertWellFormedK(kex, k.encoded());
        }
    }

    /** Peer values every implementation of a standard name must refuse; empty for unknown names. */
    public static List<byte[]> invalidValues(String name) {
        List<byte[]> out = new ArrayList<>();
        if (X25519_NAMES.contains(name)) {
            for (Vectors.Record r : Vectors.load("x25519-low-order.txt")) {
                out.add(r.hex("value"));
            }
            out.add(new byte[0]);
            out.add(new byte[31]);
            out.add(new byte[33]);
            byte[] nine = new byte[33];
            nine[0] = 9;
            out.add(nine);
        } else if (ECDH_P256.equals(name)) {
            byte[] g = NistP256.encodePoint(NistP256.G);
            out.add(new byte[] {0});                 // the point at infinity (SEC1 §2.3.3)
            out.add(new byte[0]);
            out.add(Arrays.copyOf(g, 64));           // truncated
            out.add(Arrays.copyOf(g, 66));           // trailing byte
            byte[] compressed = Arrays.copyOf(g, 33);
            compressed[0] = (byte) (2 + (g[64] & 1));
            out.add(compressed);                     // compressed form: not allowed in SSH
            byte[] hybrid = g.clone();
            hybrid[0] = 6;
            out.add(hybrid);
            byte[] offCurve = g.clone();
            offCurve[64] ^= 1;
            out.add(offCurve);
            byte[] zeros = new byte[65];
            zeros[0] = 4;
            out.add(zeros);                          // (0, 0) is not on the curve
            // Coordinates equal to p are out of range (SEC1 §2.3.4), whatever the equation says.
            byte[] xIsP = g.clone();
            NistP256.writeFixed(NistP256.P, xIsP, 1);
            out.add(xIsP);
            byte[] yIsP = g.clone();
            NistP256.writeFixed(NistP256.P, yIsP, 33);
            out.add(yIsP);
        }
        return out;
    }
}
