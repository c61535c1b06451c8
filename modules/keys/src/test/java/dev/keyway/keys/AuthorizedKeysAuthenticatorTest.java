package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.auth.LoginRestrictions;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** sshd's rules for a publickey login from an authorized_keys file, on a fixed clock. */
class AuthorizedKeysAuthenticatorTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static AuthorizedKeysAuthenticator file(Clock clock, String... lines) {
        AuthorizedKeys keys = AuthorizedKeys.parse(String.join("\n", lines));
        return AuthorizedKeysAuthenticator.of(keys, clock);
    }

    private static PublicKey key(OpenSshPublicKey key) throws Exception {
        return key.publicKey();
    }

    private static InetSocketAddress from(String address) {
        return new InetSocketAddress(address, 50022);
    }

    /** The forced command the login gets, "-" for none, or empty when refused. */
    private static Optional<String> command(AuthorizedKeysAuthenticator auth, OpenSshPublicKey key,
            InetSocketAddress client) throws Exception {
        return auth.authorize("alice", key(key), client).map(r -> r.command().orElse("-"));
    }

    @Test
    void fromWithANetworkAndANegation() throws Exception {
        AuthorizedKeysAuthenticator auth = file(NOW, "from=\"10.0.0.0/8,!10.9.9.9\" " + TestKeys.ED25519_A.toLine());
        assertEquals(Optional.of("-"), command(auth, TestKeys.ED25519_A, from("10.1.2.3")));
        assertEquals(Optional.empty(), command(auth, TestKeys.ED25519_A, from("10.9.9.9")));
        assertEquals(Optional.empty(), command(auth, TestKeys.ED25519_A, from("127.0.0.1")));
        assertEquals(Optional.empty(), command(auth, TestKeys.ED25519_B, from("10.1.2.3")));
    }

    @Test
    void theFirstLineThatAllowsTheClientCounts() throws Exception {
        AuthorizedKeysAuthenticator auth = file(NOW,
                "from=\"10.9.9.9\",command=\"first\" " + TestKeys.ED25519_A.toLine(),
                "command=\"second\" " + TestKeys.ED25519_B.toLine(),
                "command=\"third\" " + TestKeys.ED25519_A.toLine(),
                "command=\"fourth\" " + TestKeys.ED25519_A.toLine());
        assertEquals(Optional.of("first"), command(auth, TestKeys.ED25519_A, from("10.9.9.9")));
        assertEquals(Optional.of("third"), command(auth, TestKeys.ED25519_A, from("127.0.0.1")));
        assertEquals(Optional.of("second"), command(auth, TestKeys.ED25519_B, from("10.9.9.9")));
    }

    @Test
    void anExpiredLineGivesWayToALaterOne() throws Exception {
        String lines = "expiry-time=\"203006011200Z\",command=\"until noon\" " + TestKeys.ED25519_A.toLine() + "\n"
                + "expiry-time=\"20300602\",command=\"until tomorrow\" " + TestKeys.ED25519_A.toLine();
        Clock noon = NOW;
        Clock afterNoon = Clock.offset(NOW, java.time.Duration.ofSeconds(1));
        assertEquals(Optional.of("until noon"), command(file(noon, lines), TestKeys.ED25519_A, from("127.0.0.1")));
        assertEquals(Optional.of("until tomorrow"),
                command(file(afterNoon, lines), TestKeys.ED25519_A, from("127.0.0.1")));
        // Local time is the clock's zone: midnight in Tokyo (UTC+9) was 15:00 UTC the day before.
        Clock tokyo = Clock.fixed(Instant.parse("2030-06-01T15:00:01Z"), ZoneId.of("Asia/Tokyo"));
        assertEquals(Optional.empty(), command(file(tokyo, lines), TestKeys.ED25519_A, from("127.0.0.1")));
    }

    @Test
    void withoutTheClientsAddressOnlyLinesWithoutFromCount() throws Exception {
        AuthorizedKeysAuthenticator auth = file(NOW, "from=\"*\" " + TestKeys.ED25519_A.toLine(),
                TestKeys.ED25519_B.toLine());
        assertFalse(auth.isAuthorized("alice", key(TestKeys.ED25519_A)));
        assertTrue(auth.isAuthorized("alice", key(TestKeys.ED25519_B)));
        assertEquals(Optional.empty(), command(auth, TestKeys.ED25519_A, null));
        assertEquals(Optional.of("-"), command(auth, TestKeys.ED25519_A, from("192.0.2.1")));
    }

    @Test
    void environmentOnlyWhenPermitted() throws Exception {
        AuthorizedKeysAuthenticator auth = file(NOW,
                "restrict,environment=\"LANG=C\",permitopen=\"h:1\" " + TestKeys.ECDSA.toLine());
        LoginRestrictions off = auth.authorize("alice", key(TestKeys.ECDSA), from("127.0.0.1")).orElseThrow();
        assertEquals(new LoginRestrictions(null, false, false, false, false, Map.of(), List.of("h:1"), List.of()), off);
        LoginRestrictions on = auth.permitUserEnvironment(true)
                .authorize("alice", key(TestKeys.ECDSA), from("127.0.0.1")).orElseThrow();
        assertEquals(Map.of("LANG", "C"), on.environment());
    }

    @Test
    void aLineThatDidNotParseNeverLetsItsKeyIn() throws Exception {
        AuthorizedKeysAuthenticator auth = file(NOW, "frobnicate " + TestKeys.ED25519_A.toLine(),
                "cert-authority " + TestKeys.ED25519_B.toLine());
        assertFalse(auth.isAuthorized("alice", key(TestKeys.ED25519_A)));
        assertFalse(auth.isAuthorized("alice", key(TestKeys.ED25519_B)));
    }
}
