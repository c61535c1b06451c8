package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.userauth.UserAuthClient;
import dev.keyway.userauth.UserAuthClientConfig;
import dev.keyway.userauth.UserAuthClientEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link UserAuthClient} facing a server that sends anything: the input is a run of messages,
 * each with a 16-bit length. The rules checked after every message:
 * <ul>
 * <li>only {@link SshProtocolException} escapes (the owner then disconnects);
 * <li>the client sends only USERAUTH_REQUEST, for alice and ssh-connection, and INFO_RESPONSE
 *     right after an INFO_REQUEST (RFC 4256 §3.4), at most one message per message received;
 * <li>after the first {@code none} it asks only for methods the server's last FAILURE listed
 *     (RFC 4252 §5.1): a password never goes to a server that did not offer password;
 * <li>it succeeds only on an SSH_MSG_USERAUTH_SUCCESS, ends at most once, and sends nothing
 *     after its end.
 * </ul>
 */
class UserAuthClientFuzzTest {

    @FuzzTest
    void messagesFromAServer(byte[] data) throws SshProtocolException {
        List<byte[]> sent = new ArrayList<>();
        UserAuthClient client = new UserAuthClient(Accounts.client().build(), sent::add);
        client.start();
        List<UserAuthClientEvent> events = new ArrayList<>();
        List<String> listed = List.of("none");
        boolean successSeen = false;
        int received = 0;
        FuzzInput input = new FuzzInput(data);
        while (input.hasMore()) {
            byte[] message = input.longRun();
            int before = sent.size();
            boolean finishedBefore = client.isFinished();
            received++;
            try {
                client.receive(message, 0, message.length);
            } catch (SshProtocolException e) {
                return;
            }
            for (UserAuthClientEvent e; (e = client.pollEvent()) != null; ) {
                events.add(e);
            }
            int number = message.length > 0 ? message[0] & 0xff : -1;
            if (finishedBefore) {
                assertEquals(before, sent.size(), "sent after the end");
            }
            successSeen |= !finishedBefore && number == 52;
            if (number == 51 && !finishedBefore) {
                listed = new SshReader(message, 1, message.length - 1).readNameList();
            }
            for (byte[] out : sent.subList(before, sent.size())) {
                checkSent(out, listed, number == 60);
            }
            assertTrue(sent.size() <= received + 1, "more messages sent than received");
            checkEnding(events, successSeen);
        }
    }

    private static void checkSent(byte[] out, List<String> listed, boolean afterMethodReply) throws SshProtocolException {
        int number = out[0] & 0xff;
        if (number == 61) {
            assertTrue(afterMethodReply, "INFO_RESPONSE without an INFO_REQUEST");
            return;
        }
        assertEquals(50, number, "the client sent message " + number);
        SshReader r = new SshReader(out, 1, out.length - 1);
        assertEquals(Accounts.USER, r.readUtf8(), "request for another user");
        assertEquals(UserAuthClientConfig.SSH_CONNECTION, r.readUtf8(), "request for another service");
        String method = r.readUtf8();
        assertTrue(listed.contains(method), () -> "asked with " + method + ", the server listed " + listed);
    }

    private static void checkEnding(List<UserAuthClientEvent> events, boolean successSeen) {
        int ends = 0;
        for (int i = 0; i < events.size(); i++) {
            UserAuthClientEvent e = events.get(i);
            if (e instanceof UserAuthClientEvent.Succeeded && !successSeen) {
                fail("succeeded without SUCCESS");
            }
            if (e instanceof UserAuthClientEvent.Succeeded || e instanceof UserAuthClientEvent.Failed) {
                ends++;
                assertEquals(events.size() - 1, i, "events after the end");
            }
        }
        assertTrue(ends <= 1, "ended more than once");
    }
}
