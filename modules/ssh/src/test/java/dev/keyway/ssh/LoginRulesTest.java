package dev.keyway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server's login rules as an embedder sets them on {@link SshServer.Builder}: a banner
 * the client hears before logging in (RFC 4252 §5.4), a bound on failed attempts and on the
 * time to log in, and method chains with partial success (RFC 4252 §5.1), over TCP with a
 * Keyway client.
 */
class LoginRulesTest {
    private static final Duration LIMIT = SshSessionTest.LIMIT;
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final KeyPair HOST_KEY = SshSessionTest.ed25519();
    private static final KeyPair USER_KEY = SshSessionTest.ed25519();

    private static SshServer.Builder server() {
        byte[] userBlob = PublicKeyBlob.encode(USER_KEY.getPublic());
        return SshServer.builder().hostKeys(List.of(HOST_KEY))
                .passwordAuthenticator((user, password) -> Arrays.equals(password, PASSWORD))
                .publicKeyAuthenticator((user, key) -> Arrays.equals(PublicKeyBlob.encode(key), userBlob))
                .execHandler(new SystemShell());
    }

    private static SshClient.Builder client() {
        return SshClient.builder().hostKeyVerifier(SshSessionTest.expecting(HOST_KEY)).timeout(LIMIT);
    }

    /** A client that adds each disconnect it sees, sent or received, to {@code ends}. */
    private static SshClient clientRecordingDisconnects(List<TransportEvent.Disconnected> ends) {
        return client().transportObserver(e -> {
            if (e instanceof TransportEvent.Disconnected d) {
                ends.add(d);
            }
        }).build();
    }

    @Test
    void theClientHearsTheBannerBeforeLoggingIn() throws Exception {
        List<String> banners = new CopyOnWriteArrayList<>();
        try (SshServer s = server().banner("Authorised use only.\n").build();
                SshClient c = client().bannerHandler(banners::add).build()) {
            int port = s.start().getPort();
            try (ClientSession session = c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD))) {
                assertTrue(session.isOpen());
            }
        }
        assertEquals(List.of("Authorised use only.\n"), banners);
    }

    @Test
    void afterMaxAuthTriesFailuresTheServerHangsUp() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        List<TransportEvent.Disconnected> ends = new CopyOnWriteArrayList<>();
        try (SshServer s = server().maxAuthTries(2).build();
                SshClient c = clientRecordingDisconnects(ends)) {
            int port = s.start().getPort();
            // A client that would go on guessing for ever.
            Credentials guesses = Credentials.none().withPasswords((user, attempt) -> {
                asked.incrementAndGet();
                return Optional.of(("guess " + attempt).toCharArray());
            });
            assertThrows(IOException.class, () -> c.connect("127.0.0.1", port, "alice", guesses));
        }
        assertEquals(2, asked.get(), "the third guess never gets asked");
        assertEquals(1, ends.size());
        assertTrue(ends.get(0).byPeer());
        assertEquals(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE, ends.get(0).reason());
    }

    @Test
    void aClientSlowerThanTheLoginGraceTimeIsDisconnected() throws Exception {
        List<TransportEvent.Disconnected> ends = new CopyOnWriteArrayList<>();
        try (SshServer s = server().loginGraceTime(Duration.ofMillis(300)).build();
                SshClient c = clientRecordingDisconnects(ends)) {
            int port = s.start().getPort();
            // The password source holds the client's network thread well past the grace time.
            Credentials slow = Credentials.none().withPasswords((user, attempt) -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(PASSWORD.clone());
            });
            assertThrows(IOException.class, () -> c.connect("127.0.0.1", port, "alice", slow));
        }
        assertEquals(1, ends.size(), ends::toString);
        assertTrue(ends.get(0).byPeer());
        assertEquals("login grace time is over", ends.get(0).description());
    }

    @Test
    void aChainNeedsEveryMethodAndReportsPartialSuccess() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        SessionMessages names = new SessionMessages();
        try (SshServer s = server().authenticationMethods("publickey", "password").build();
                SshClient c = client().messageObserver((sent, p) -> {
                    if (!sent) {
                        seen.add(names.describe(p));
                    } else {
                        names.describe(p);
                    }
                }).build()) {
            int port = s.start().getPort();
            AuthenticationException refused = assertThrows(AuthenticationException.class,
                    () -> c.connect("127.0.0.1", port, "alice", Credentials.password(PASSWORD)));
            assertEquals(List.of("publickey"), refused.canContinue());

            Credentials both = Credentials.keyPairs(USER_KEY).withPasswords((user, attempt) ->
                    attempt == 1 ? Optional.of(PASSWORD.clone()) : Optional.empty());
            try (ClientSession session = c.connect("127.0.0.1", port, "alice", both)) {
                assertTrue(session.isOpen());
            }
        }
        assertTrue(seen.stream().anyMatch(m -> m.startsWith("SSH_MSG_USERAUTH_FAILURE, methods that can continue: password (partial success)")),
                seen::toString);
    }
}
