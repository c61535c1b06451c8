package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.integration.AlgorithmCombination;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keyway {@link SshClient} against an Apache MINA SSHD server over the whole matrix
 * ({@link PeerRun#all}): the client's policy offers exactly one key exchange, host key
 * algorithm, cipher and MAC, so MINA, offering its defaults, must pick those (RFC 4253 §7.1).
 * The client accepts only MINA's host key of that type, by its SHA-256 fingerprint as MINA
 * computes it, logs in with the password or one of the user's keys by turns, and runs
 * {@link PeerRun#COMMAND} ({@link EchoOrExitCommand}, in the JVM) with 64 KiB of random data:
 * the same bytes must come back with the command's exit status (RFC 4254 §6.10). Both
 * {@link ClientSession#algorithms()} and MINA's session must name exactly that combination in
 * both directions; with an AEAD cipher Keyway negotiates no MAC, and MINA's MAC is not compared.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeywayClientMatrixToMinaServerTest {
    private static MinaServerForPeers mina;
    private static UserKeys userKeys;

    @BeforeAll
    static void start() throws Exception {
        mina = MinaServerForPeers.start();
        userKeys = UserKeys.generate();
        userKeys.all().forEach(pair -> mina.authorize(pair.getPublic()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (mina != null) {
            mina.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.keyway.integration.javapeers.PeerRun#all")
    void catThroughExactlyTheseAlgorithms(PeerRun run) throws Exception {
        AlgorithmCombination c = run.algorithms();
        Credentials credentials = run.login() == Login.PASSWORD
                ? Credentials.password(MinaServerForPeers.PASSWORD.toCharArray())
                : Credentials.keyPairs(userKeys.pair(run.login()));
        mina.clearKeyExchanges();
        try (SshClient client = SshClient.builder().policy(c.policy()).timeout(KeywayExec.LIMIT)
                .hostKeyVerifier(key -> key.algorithm().equals(c.hostKey())
                        && key.fingerprint().equals(mina.hostKeyFingerprint(key.keyType())))
                .build();
                ClientSession session = client.connect("127.0.0.1", mina.port(), MinaServerForPeers.USER, credentials)) {
            run.assertCatResult(KeywayExec.run(session, PeerRun.COMMAND, run.data()));
            assertEquals(c.expected(), session.algorithms(), "what the Keyway client negotiated");
            assertEquals(run.hostKeyType(), session.hostKey().keyType(), "the key type the client checked");
            List<Session> exchanges = mina.keyExchanges();
            assertEquals(1, exchanges.size(), "key exchanges MINA completed");
            MinaAlgorithms.assertNegotiated(c, exchanges.get(0));
        }
    }
}
