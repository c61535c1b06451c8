package dev.keyway.userauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.userauth.internal.MessageNumbers;
import dev.keyway.userauth.internal.UserAuthRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The server engine while it waits: an embedder's check that has not completed holds every
 * reply and refuses input until {@link UserAuthServer#resume}; a wrong password is answered no
 * sooner than the failure delay after its request, on the clock the owner passes in; a right
 * one at once. No thread and no real time: the executor runs tasks when the test says so.
 */
class PendingCheckTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    /** An executor that keeps tasks until {@link #runAll}: the authentication pool, under the test's control. */
    private static final class ManualExecutor implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            for (Runnable r; (r = tasks.poll()) != null; ) {
                r.run();
            }
        }
    }

    private final List<byte[]> sent = new ArrayList<>();
    private final ManualExecutor pool = new ManualExecutor();

    private UserAuthServer server(PasswordAuthenticator passwords) {
        return new UserAuthServer(AuthPair.server().allowMethods("password")
                .authenticator(PasswordAuthenticator.class, passwords).failureDelay(Duration.ofSeconds(1))
                .checkExecutor(pool).build(), sent::add, 0L);
    }

    private static byte[] passwordRequest(String password) {
        byte[] fields = new SshWriter().writeBoolean(false).writeString(password.getBytes(StandardCharsets.UTF_8))
                .toByteArray();
        return new UserAuthRequest(Accounts.USER, "ssh-connection", "password", fields).encode();
    }

    private static void receive(UserAuthServer s, byte[] m, long now) throws SshProtocolException {
        s.receive(m, 0, m.length, now);
    }

    @Test
    void aPendingCheckHoldsTheReplyAndTheInputUntilItCompletes() throws SshProtocolException {
        UserAuthServer s = server(Accounts.PASSWORDS);
        receive(s, passwordRequest("correct horse"), 0);
        assertFalse(s.wantsInput(), "no message is taken while the check runs");
        assertTrue(s.pendingCheck().isPresent());
        assertTrue(sent.isEmpty(), "nothing is answered before the check");
        assertThrows(IllegalStateException.class, () -> receive(s, passwordRequest("x"), 1));
        s.resume(2);
        assertTrue(sent.isEmpty(), "resuming before the check completed changes nothing");
        pool.runAll();
        s.resume(3);
        assertTrue(s.isAuthenticated());
        assertEquals(List.of(MessageNumbers.USERAUTH_SUCCESS), numbers());
        assertTrue(s.wantsInput());
    }

    @Test
    void aWrongPasswordIsAnsweredAfterTheDelayFromItsRequest() throws SshProtocolException {
        UserAuthServer s = server(Accounts.PASSWORDS);
        receive(s, passwordRequest("wrong"), 10 * SECOND);
        pool.runAll();
        s.resume(10 * SECOND + SECOND / 4);
        assertTrue(sent.isEmpty(), "a wrong password is not answered at once");
        assertFalse(s.wantsInput());
        assertEquals(11 * SECOND, s.wakeNanos().getAsLong(), "the delay runs from the request");
        s.tick(11 * SECOND - 1);
        assertTrue(sent.isEmpty());
        s.tick(11 * SECOND);
        assertEquals(List.of(MessageNumbers.USERAUTH_FAILURE), numbers());
        assertTrue(s.wantsInput());
    }

    @Test
    void aSlowWrongCheckIsAnsweredAtOnceWhenTheDelayIsAlreadyOver() throws SshProtocolException {
        UserAuthServer s = server(Accounts.PASSWORDS);
        receive(s, passwordRequest("wrong"), 0);
        pool.runAll();
        s.resume(2 * SECOND);
        assertEquals(List.of(MessageNumbers.USERAUTH_FAILURE), numbers());
    }

    @Test
    void aCheckThatThrowsIsAFailedAttemptAndSaysNothingOfWhy() throws SshProtocolException {
        UserAuthServer s = server((user, password) -> {
            throw new IllegalStateException("the directory is down at ldap://10.0.0.1");
        });
        receive(s, passwordRequest("anything"), 0);
        pool.runAll();
        s.resume(SECOND);
        assertFalse(s.isAuthenticated());
        assertEquals(List.of(MessageNumbers.USERAUTH_FAILURE), numbers());
        assertTrue(s.pollEvent() instanceof UserAuthServerEvent.AttemptFailed);
    }

    @Test
    void aFullPoolFailsTheAttempt() throws SshProtocolException {
        UserAuthServer s = new UserAuthServer(AuthPair.server().allowMethods("password")
                .authenticator(PasswordAuthenticator.class, Accounts.PASSWORDS).failureDelay(Duration.ZERO)
                .checkExecutor(task -> {
                    throw new java.util.concurrent.RejectedExecutionException("full");
                }).build(), sent::add, 0L);
        receive(s, passwordRequest("correct horse"), 0);
        assertFalse(s.isAuthenticated());
        assertEquals(List.of(MessageNumbers.USERAUTH_FAILURE), numbers());
    }

    private List<Integer> numbers() {
        return sent.stream().map(m -> m[0] & 0xff).toList();
    }
}
