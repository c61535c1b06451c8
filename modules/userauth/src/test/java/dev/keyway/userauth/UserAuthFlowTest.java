package dev.keyway.userauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.userauth.internal.MessageNumbers;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Client and server engines back to back with the real methods and keys (RFC 4252, RFC 4256). */
class UserAuthFlowTest {

    private static AuthPair pair(UserAuthServerConfig.Builder server, UserAuthClientConfig.Builder client)
            throws SshProtocolException {
        return new AuthPair(server.build(), client.build()).run();
    }

    private static void assertAuthenticated(AuthPair p, String... methods) {
        assertInstanceOf(UserAuthClientEvent.Succeeded.class, p.lastClientEvent());
        assertTrue(p.server.isAuthenticated());
        UserAuthServerEvent.Authenticated last = assertInstanceOf(UserAuthServerEvent.Authenticated.class,
                p.serverEvents.get(p.serverEvents.size() - 1));
        assertEquals(Accounts.USER, last.user());
        assertEquals(List.of(methods), last.methods());
        assertEquals(dev.keyway.api.auth.LoginRestrictions.NONE, last.restrictions());
    }

    @Test
    void passwordSucceeds() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        assertAuthenticated(p, "password");
        assertEquals(List.of("none", "password"), p.attempts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void publicKeySucceedsAfterPkOk(String type) throws SshProtocolException {
        KeyPair key = switch (type) {
            case "ed25519" -> TestKeys.ED25519;
            case "ecdsa" -> TestKeys.ECDSA;
            default -> TestKeys.RSA;
        };
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(UserKeyPairs.class, UserKeyPairs.of(key)));
        assertAuthenticated(p, "publickey");
        assertEquals(1, p.serverMessages(60).size(), "one PK_OK before the signed request");
    }

    @Test
    void unknownKeyIsRefusedAndTheNextKeyIsTried() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.ED25519_OTHER, TestKeys.ED25519)));
        assertAuthenticated(p, "publickey");
        assertEquals(1, p.serverEvents.stream().filter(UserAuthServerEvent.AttemptFailed.class::isInstance).count());
    }

    @Test
    void rsaHonoursServerSigAlgs() throws SshProtocolException {
        List<String> chosen = new java.util.ArrayList<>();
        AuthPair p = new AuthPair(Accounts.everyMethod().build(), AuthPair.client(Accounts.USER)
                .serverSignatureAlgorithms(List.of("ssh-ed25519", "rsa-sha2-256", "rsa-sha2-512", "ssh-rsa"))
                .credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.RSA)).build());
        p.client.start();
        p.pump();
        for (byte[] pkOk : p.serverMessages(60)) {
            chosen.add(new dev.keyway.api.wire.SshReader(pkOk, 1, pkOk.length - 1).readUtf8());
        }
        assertAuthenticated(p, "publickey");
        assertEquals(List.of("rsa-sha2-512"), chosen);
    }

    @Test
    void rsaKeyIsNotOfferedToAServerThatListsOnlySha1() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .serverSignatureAlgorithms(List.of("ssh-rsa"))
                .credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.RSA)));
        assertEquals(new UserAuthClientEvent.Failed(List.of("publickey", "keyboard-interactive", "password")),
                p.lastClientEvent());
        assertEquals(List.of("none"), p.attempts());
    }

    @Test
    void keyboardInteractiveTakesTwoRounds() throws SshProtocolException {
        AtomicInteger rounds = new AtomicInteger();
        InteractivePrompter answers = Accounts.prompter(Accounts.PASSWORD, Accounts.CODE);
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(InteractivePrompter.class, (user, round) -> {
                    rounds.incrementAndGet();
                    return answers.answer(user, round);
                }));
        assertAuthenticated(p, "keyboard-interactive");
        assertEquals(2, rounds.get());
        assertEquals(2, p.serverMessages(60).size());
    }

    @Test
    void wrongPasswordGetsFailureAndAnotherTry() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, Accounts.passwords("wrong", "correct horse")));
        assertAuthenticated(p, "password");
        assertEquals(List.of("none", "password"), p.attempts());
        assertEquals(2, p.serverMessages(MessageNumbers.USERAUTH_FAILURE).size());
    }

    @Test
    void wrongUserAndWrongPasswordGetByteIdenticalFailures() throws SshProtocolException {
        AuthPair wrongUser = pair(Accounts.everyMethod(), AuthPair.client("mallory")
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        AuthPair wrongPassword = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, PasswordSource.once("wrong".toCharArray())));
        List<byte[]> a = wrongUser.serverMessages(MessageNumbers.USERAUTH_FAILURE);
        List<byte[]> b = wrongPassword.serverMessages(MessageNumbers.USERAUTH_FAILURE);
        assertEquals(2, a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertInstanceOf(UserAuthClientEvent.Failed.class, wrongUser.lastClientEvent());
    }

    @Test
    void sixFailuresEndTheConnection() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, (user, attempt) -> java.util.Optional.of("wrong".toCharArray())));
        assertEquals(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE, p.serverError.reason());
        assertEquals(6, p.serverEvents.stream().filter(UserAuthServerEvent.AttemptFailed.class::isInstance).count());
        // The none probe and five failed passwords got FAILURE; the sixth failure ends it.
        assertEquals(6, p.serverMessages(MessageNumbers.USERAUTH_FAILURE).size());
        assertTrue(p.server.isClosed());
    }

    @Test
    void graceTimeEndsAnUnfinishedLogin() throws SshProtocolException {
        UserAuthServer server = new UserAuthServer(Accounts.everyMethod()
                .loginGraceTime(Duration.ofSeconds(120)).build(), m -> { }, 1_000L);
        server.tick(1_000L + Duration.ofSeconds(119).toNanos());
        assertEquals(1_000L + Duration.ofSeconds(120).toNanos(), server.deadlineNanos());
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> server.tick(1_000L + Duration.ofSeconds(120).toNanos()));
        assertEquals(DisconnectReason.BY_APPLICATION, e.reason());
        assertTrue(server.isClosed());
    }

    @Test
    void graceTimeDoesNotEndAFinishedLogin() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        p.server.tick(Long.MAX_VALUE);
        assertAuthenticated(p, "password");
    }

    @Test
    void bannerComesBeforeTheFirstReply() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod().banner("Authorised users only.\r\n"), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        assertEquals(MessageNumbers.USERAUTH_BANNER, p.serverSent.get(0)[0]);
        assertEquals(1, p.serverMessages(MessageNumbers.USERAUTH_BANNER).size());
        assertEquals(new UserAuthClientEvent.Banner("Authorised users only.\r\n", ""), p.clientEvents.get(1));
        assertAuthenticated(p, "password");
    }

    @Test
    void chainNeedsPublicKeyThenPassword() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod().requireChain("publickey", "password"), AuthPair.client(Accounts.USER)
                .credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.ED25519))
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        assertAuthenticated(p, "publickey", "password");
        assertTrue(p.clientEvents.contains(new UserAuthClientEvent.PartialSuccess(List.of("password"))));
        assertEquals(List.of("none", "publickey", "password"), p.attempts());
    }

    @Test
    void chainIsNotCompleteWithThePasswordAlone() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod().requireChain("publickey", "password"), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        assertEquals(new UserAuthClientEvent.Failed(List.of("publickey")), p.lastClientEvent());
        assertFalse(p.server.isAuthenticated());
    }

    @Test
    void noneIsRefusedUnlessAllowed() throws SshProtocolException {
        AuthPair refused = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER));
        assertEquals(new UserAuthClientEvent.Failed(List.of("publickey", "keyboard-interactive", "password")),
                refused.lastClientEvent());
        AuthPair allowed = pair(AuthPair.server().allowMethods("none"), AuthPair.client(Accounts.USER));
        assertAuthenticated(allowed, "none");
    }

    @Test
    void otherServiceEndsTheConnection() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER).serviceName("ssh-agent"));
        assertEquals(DisconnectReason.SERVICE_NOT_AVAILABLE, p.serverError.reason());
    }

    @Test
    void requestsAfterSuccessAreIgnored() throws SshProtocolException {
        AuthPair p = pair(Accounts.everyMethod(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)));
        int sent = p.serverSent.size();
        byte[] again = new dev.keyway.userauth.internal.UserAuthRequest("bob", "ssh-connection", "none", new byte[0]).encode();
        p.server.receive(again, 0, again.length, 0L);
        assertEquals(sent, p.serverSent.size());
        assertNull(p.server.pollEvent());
    }
}
