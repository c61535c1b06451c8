package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.keys.PublicKeyBlob;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Java SSH client against a Keyway {@code SshServer} over the whole matrix ({@link PeerRun#all}),
 * one server per class: the client offers exactly one key exchange, host key algorithm, cipher
 * and MAC, so the server, offering its defaults, must pick those (RFC 4253 §7.1). The client
 * accepts only the server's host key of that type, logs in as the run says (the user's keys are
 * authorized), and runs {@link PeerRun#COMMAND} through {@code SystemShell}; the same bytes
 * must come back with the command's exit status, and the server's AlgorithmsNegotiated event
 * must name exactly that combination in both directions (no MAC with an AEAD cipher). A
 * subclass drives its client and checks that the client, too, reports that combination.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ClientMatrixToKeywayServer {
    private KeywayServerForPeers server;
    private UserKeys userKeys;

    @BeforeAll
    void start() throws Exception {
        server = KeywayServerForPeers.start();
        userKeys = UserKeys.generate();
        userKeys.all().forEach(pair -> server.authorize(PublicKeyBlob.encode(pair.getPublic())));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.keyway.integration.javapeers.PeerRun#all")
    void catThroughExactlyTheseAlgorithms(PeerRun run) throws Exception {
        server.clearNegotiations();
        run.assertCatResult(loginAndRun(run, server, userKeys));
        assertEquals(List.of(run.algorithms().expected()), server.negotiations(), "what the Keyway server negotiated");
    }

    /**
     * Logs in to {@code server} offering only the run's algorithms, the way the run says, runs
     * {@link PeerRun#COMMAND} with {@link PeerRun#data()} as stdin, checks that the client
     * reports having negotiated the run's algorithms and checked a host key of its type, and
     * closes everything it opened.
     */
    abstract CommandResult loginAndRun(PeerRun run, KeywayServerForPeers server, UserKeys userKeys) throws Exception;
}
