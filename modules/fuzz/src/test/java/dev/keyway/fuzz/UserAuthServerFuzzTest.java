package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.api.SshProtocolException;
import dev.keyway.userauth.UserAuthServer;
import dev.keyway.userauth.UserAuthServerConfig;
import dev.keyway.userauth.UserAuthServerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link UserAuthServer} facing a client that sends anything. The input is a run of messages,
 * each a byte of time that passes first (in steps of 50 ms) and a message with a 16-bit
 * length. As its javadoc asks, a message is passed only while the engine wants input; until
 * then time passes (tick) and checks resume. The rules checked after every message:
 * <ul>
 * <li>only {@link SshProtocolException} escapes, after which the engine is closed and sends
 *     nothing more;
 * <li>it sends only FAILURE, SUCCESS, BANNER (once, first) and method replies (60), at most
 *     one message per message received besides the banner;
 * <li>SUCCESS goes out at most once, last, with one {@code Authenticated} event, and only for
 *     alice through methods whose checks let her through;
 * <li>a FAILURE after a refused password or answer waits the failure delay from its request;
 * <li>no more than the attempt limit of failures, and the engine closes at the limit.
 * </ul>
 */
class UserAuthServerFuzzTest {
    private static final long STEP_NANOS = Duration.ofMillis(50).toNanos();
    private static final Set<Integer> REPLIES = Set.of(51, 52, 53, 60);

    @FuzzTest
    void messagesFromAClient(byte[] data) {
        new Run().play(new FuzzInput(data));
    }

    private static final class Run {
        private final Accounts accounts = new Accounts();
        private final UserAuthServerConfig config = accounts.server().build();
        private final List<byte[]> sent = new ArrayList<>();
        private final List<UserAuthServerEvent> events = new ArrayList<>();
        private final UserAuthServer server = new UserAuthServer(config, this::onSend, 0L);
        private long now;
        private long lastRequestAt;
        private int received;
        private int sentWhenClosed = -1;

        void play(FuzzInput input) {
            while (input.hasMore()) {
                now += input.u8() * STEP_NANOS;
                deliver(input.longRun());
                check();
            }
        }

        private void deliver(byte[] message) {
            try {
                server.tick(now);
                for (int turn = 0; !server.wantsInput(); turn++) {
                    assertTrue(turn < 3, "the engine keeps refusing input");
                    now = Math.max(now, server.wakeNanos().orElseThrow());
                    server.tick(now);
                    server.resume(now);
                }
                if (message.length > 0 && message[0] == 50) {
                    lastRequestAt = now;
                }
                received++;
                server.receive(message, 0, message.length, now);
            } catch (SshProtocolException e) {
                assertTrue(server.isClosed(), () -> "not closed after " + e);
            }
            for (UserAuthServerEvent e; (e = server.pollEvent()) != null; ) {
                events.add(e);
            }
        }

        private void onSend(byte[] payload) {
            int number = payload[0] & 0xff;
            assertTrue(REPLIES.contains(number), () -> "the server sent message " + number);
            if (number == 51 && accounts.takeRefusal()) {
                assertTrue(now - lastRequestAt >= config.failureDelay().toNanos(),
                        () -> "a refused secret answered after " + (now - lastRequestAt) + " ns");
            }
            sent.add(payload.clone());
        }

        private void check() {
            if (server.isClosed() && sentWhenClosed < 0) {
                sentWhenClosed = sent.size();
            }
            assertTrue(sentWhenClosed < 0 || sent.size() == sentWhenClosed, "sent after closing");
            assertTrue(sent.size() <= received + 1, () -> sent.size() + " messages for " + received);
            for (int i = 0; i < sent.size(); i++) {
                int number = sent.get(i)[0];
                assertTrue(number != 53 || i == 0, "a banner that is not the first message");
                assertTrue(number != 52 || i == sent.size() - 1, "a message after SUCCESS");
            }
            List<UserAuthServerEvent.Authenticated> logins = events.stream()
                    .filter(UserAuthServerEvent.Authenticated.class::isInstance)
                    .map(UserAuthServerEvent.Authenticated.class::cast).toList();
            long successes = sent.stream().filter(m -> m[0] == 52).count();
            assertEquals(successes, logins.size(), "SUCCESS and Authenticated disagree");
            for (UserAuthServerEvent.Authenticated login : logins) {
                assertEquals(Accounts.USER, login.user(), "someone else logged in");
                assertTrue(accounts.accepted.containsAll(login.methods()),
                        () -> "authenticated by " + login.methods() + ", but the checks passed " + accounts.accepted);
            }
            long failures = events.stream().filter(UserAuthServerEvent.AttemptFailed.class::isInstance).count();
            assertTrue(failures <= config.maxAttempts(), "more failed attempts than the limit");
            assertTrue(failures < config.maxAttempts() || server.isClosed(), "still open at the attempt limit");
        }
    }
}
