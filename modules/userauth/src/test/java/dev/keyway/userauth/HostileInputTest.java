package dev.keyway.userauth;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.UserKeyPairs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the peer sends, an engine answers at most with {@link SshProtocolException}: no
 * other exception escapes into the owner's thread.
 */
class HostileInputTest {
    /** Every message a real successful run of each method puts on the wire, both ways. */
    private static final List<byte[]> REAL_MESSAGES = recordRealMessages();

    private static List<byte[]> recordRealMessages() {
        List<byte[]> all = new ArrayList<>();
        List<UserAuthClientConfig.Builder> clients = List.of(
                AuthPair.client(Accounts.USER).credential(PasswordSource.class, PasswordSource.once(Accounts.PASSWORD)),
                AuthPair.client(Accounts.USER).credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.ECDSA)),
                AuthPair.client(Accounts.USER).credential(InteractivePrompter.class,
                        Accounts.prompter(Accounts.PASSWORD, Accounts.CODE)));
        for (UserAuthClientConfig.Builder client : clients) {
            AuthPair p = new AuthPair(Accounts.everyMethod().banner("hello").build(), client.build());
            try {
                p.run();
            } catch (SshProtocolException e) {
                throw new AssertionError(e);
            }
            all.addAll(p.serverSent);
            all.addAll(p.clientSent);
        }
        return all;
    }

    private static UserAuthServer server() {
        return new UserAuthServer(Accounts.everyMethod().build(), m -> { }, 0L);
    }

    private static UserAuthClient startedClient() {
        UserAuthClient client = new UserAuthClient(AuthPair.client(Accounts.USER)
                .credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.ED25519))
                .credential(InteractivePrompter.class, Accounts.prompter(Accounts.PASSWORD, Accounts.CODE))
                .build(), m -> { });
        client.start();
        return client;
    }

    private static void feed(byte[] message, UserAuthServer server, UserAuthClient client) {
        try {
            server.receive(message, 0, message.length, 0L);
        } catch (SshProtocolException expected) {
            // the only failure allowed
        }
        try {
            client.receive(message, 0, message.length);
        } catch (SshProtocolException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 500)
    void randomBytes(@ForAll @Size(max = 200) byte[] junk, @ForAll @IntRange(min = 50, max = 79) int type) {
        byte[] message = junk.clone();
        if (message.length > 0) {
            message[0] = (byte) type;
        }
        feed(message, server(), startedClient());
    }

    @Property(tries = 300)
    void truncatedRealMessages(@ForAll @IntRange(min = 0, max = 1000) int which, @ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] real = REAL_MESSAGES.get(which % REAL_MESSAGES.size());
        byte[] message = Arrays.copyOf(real, Math.max(0, real.length - cut));
        feed(message, server(), startedClient());
    }

    @Property(tries = 300)
    void corruptedRealMessages(@ForAll @IntRange(min = 0, max = 1000) int which,
            @ForAll @IntRange(min = 1, max = 10_000) int at, @ForAll byte value) {
        byte[] message = REAL_MESSAGES.get(which % REAL_MESSAGES.size()).clone();
        message[at % message.length] = value;
        UserAuthServer server = server();
        UserAuthClient client = startedClient();
        // Some state first, so the corrupted message meets an exchange in progress.
        for (byte[] earlier : REAL_MESSAGES.subList(0, which % REAL_MESSAGES.size())) {
            feed(earlier, server, client);
        }
        feed(message, server, client);
    }
}
