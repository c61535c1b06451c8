package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import org.junit.jupiter.api.Test;

/**
 * The user authentication checks must be able to fail: a password toy passes them honest and
 * fails the one check about each flaw it is given.
 */
class UserAuthSuiteCatchesBrokenToysTest {
    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.builder().build();
    private static final UserAuthFixture FIXTURE = ToyPasswordMethod.FIXTURE;

    @Test
    void honestPasswordPassesEveryCheck() {
        ToyPasswordMethod m = ToyPasswordMethod.HONEST;
        assertDoesNotThrow(() -> UserAuthChecks.completes(m, REGISTRY, FIXTURE, 1));
        assertDoesNotThrow(() -> UserAuthChecks.refusesWrongSecret(m, REGISTRY, FIXTURE, 1));
        assertDoesNotThrow(() -> UserAuthChecks.unknownUserLooksLikeWrongSecret(m, REGISTRY, FIXTURE, 1));
        assertDoesNotThrow(() -> UserAuthChecks.hostileRequestFields(m, REGISTRY, FIXTURE, new byte[] {0, 0x7f}, 1));
        assertDoesNotThrow(() -> UserAuthChecks.hostileMessages(m, REGISTRY, FIXTURE, new byte[] {60}, 1));
    }

    @Test
    void aServerAcceptingAnyPasswordIsCaught() {
        ToyPasswordMethod m = new ToyPasswordMethod(ToyPasswordMethod.Flaw.ACCEPTS_ANY_PASSWORD);
        assertDoesNotThrow(() -> UserAuthChecks.completes(m, REGISTRY, FIXTURE, 2));
        AssertionError e = assertThrows(AssertionError.class,
                () -> UserAuthChecks.refusesWrongSecret(m, REGISTRY, FIXTURE, 2));
        assertTrue(e.getMessage().contains("wrong credential was accepted"), e.getMessage());
    }

    @Test
    void aServerTellingUnknownUsersApartIsCaught() {
        ToyPasswordMethod m = new ToyPasswordMethod(ToyPasswordMethod.Flaw.TELLS_UNKNOWN_USERS);
        assertDoesNotThrow(() -> UserAuthChecks.refusesWrongSecret(m, REGISTRY, FIXTURE, 3));
        AssertionError e = assertThrows(AssertionError.class,
                () -> UserAuthChecks.unknownUserLooksLikeWrongSecret(m, REGISTRY, FIXTURE, 3));
        assertTrue(e.getMessage().contains("tells an unknown user"), e.getMessage());
    }

    @Test
    void aServerTrustingLengthFieldsIsCaught() {
        ToyPasswordMethod m = new ToyPasswordMethod(ToyPasswordMethod.Flaw.TRUSTS_LENGTH_FIELDS);
        assertDoesNotThrow(() -> UserAuthChecks.completes(m, REGISTRY, FIXTURE, 4));
        AssertionError e = assertThrows(AssertionError.class,
                () -> UserAuthChecks.hostileRequestFields(m, REGISTRY, FIXTURE, new byte[] {1}, 4));
        assertTrue(e.getMessage().contains("instead of SshProtocolException"), e.getMessage());
    }
}
