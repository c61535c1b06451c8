package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One whole key exchange of a known-answer vector, its keys injected through the randoms (see
 * {@link FixedBytesRandom}): the client initiates and must send Q_C; the server responds to
 * Q_C and must send Q_S and derive K; the client completes with Q_S and must derive the same K.
 * Known-answer values are public test data, so a mismatch prints them.
 *
 * @param vector where the vector comes from, for messages
 * @param clientRandom what the client draws from
 * @param clientValue the expected Q_C
 * @param serverRandom what the server draws from
 * @param serverValue the expected Q_S
 * @param k the expected K in its wire encoding: an mpint, or a string for a hybrid
 */
record KnownExchange(String vector, SecureRandom clientRandom, byte[] clientValue, SecureRandom serverRandom,
        byte[] serverValue, byte[] k) {

    void check(KeyExchangeAlgorithm kex) {
        KeyExchangeAlgorithm.Initiator init = kex.initiate(clientRandom);
        expect(kex, "Q_C", clientValue, init.publicValue());
        try {
            KeyExchangeAlgorithm.Response r = kex.respond(clientValue.clone(), serverRandom);
            expect(kex, "Q_S", serverValue, r.publicValue());
            expect(kex, "K (responder)", k, r.secret());
            expect(kex, "K (initiator)", k, init.complete(serverValue.clone()));
        } catch (SshProtocolException e) {
            throw new AssertionError(kex.name() + " " + vector + ": refused the vector's value", e);
        }
    }

    private void expect(KeyExchangeAlgorithm kex, String what, byte[] expected, SharedSecret actual) {
        expect(kex, what, expected, actual.encoded());
    }

    private void expect(KeyExchangeAlgorithm kex, String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(kex.name() + " " + vector + ": " + what + " differs: expected "
                    + HexFormat.of().formatHex(expected) + ", got " + HexFormat.of().formatHex(actual));
        }
    }
}
