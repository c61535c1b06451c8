package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.integration.PostQuantumKeyExchanges;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keyway {@link SshClient} against a MINA SSHD server that re-exchanges keys (RFC 4253 §9):
 * every 128 KiB while 1 MiB goes through {@code cat}, with an RSA host key verified as
 * rsa-sha2-512 (RFC 8332); and on request, after a post-quantum hybrid key exchange. MINA 2.20
 * offers all five of Keyway's hybrids, on Bouncy Castle's lightweight ML-KEM and NTRU Prime
 * (found on the class path, no JCA registration needed): the client offers only one, and both
 * exchanges must choose it on both sides. With the defaults of both, they agree on Keyway's
 * first choice, {@code mlkem768x25519-sha256}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeywayClientRekeyWithMinaServerTest {
    private MinaServerForPeers mina;

    @AfterEach
    void stop() throws IOException {
        if (mina != null) {
            mina.close();
        }
    }

    @Test
    void serverRekeysEvery128KibDuringOneMebibyteThroughCat() throws Exception {
        mina = MinaServerForPeers.start(server -> CoreModuleProperties.REKEY_BYTES_LIMIT.set(server, 128L * 1024));
        byte[] data = data(13, 1024 * 1024);
        String fingerprint = mina.hostKeyFingerprint(KeyPairProvider.SSH_RSA);
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.HOST_KEY, "rsa-sha2-512");
        CommandResult r;
        try (SshClient client = SshClient.builder().policy(policy).timeout(KeywayExec.LIMIT)
                .hostKeyVerifier(key -> key.algorithm().equals("rsa-sha2-512") && key.fingerprint().equals(fingerprint))
                .build();
                ClientSession session = connect(client)) {
            r = KeywayExec.run(session, "cat", data);
        }
        assertEquals(0, r.exitStatus());
        assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(r.stdout()));
        assertTrue(mina.keyExchanges().size() >= 3, "key exchanges: " + mina.keyExchanges().size());
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.PostQuantumKeyExchanges#all")
    void serverRekeysOnRequestAfterTheOnlyHybridTheClientOffers(String kex) throws Exception {
        hybridThenServerRekey(AlgorithmPolicy.defaults().with(AlgorithmCategory.KEY_EXCHANGE, kex), kex);
    }

    @Test
    void defaultsAgreeOnMlKemAndServerRekeysOnRequest() throws Exception {
        hybridThenServerRekey(AlgorithmPolicy.defaults(), PostQuantumKeyExchanges.MLKEM768_X25519);
    }

    /**
     * A client with {@code policy} sends 64 KiB through {@code cat}; MINA starts a re-exchange
     * and, once it is done, {@code cat} runs again under the new keys. Both exchanges chose
     * {@code expected}, as each side reports it.
     */
    private void hybridThenServerRekey(AlgorithmPolicy policy, String expected) throws Exception {
        mina = MinaServerForPeers.start();
        byte[] data = data(expected.hashCode(), 64 * 1024);
        try (SshClient client = SshClient.builder().policy(policy).timeout(KeywayExec.LIMIT)
                .hostKeyVerifier(key -> key.fingerprint().equals(mina.hostKeyFingerprint(key.keyType())))
                .build();
                ClientSession session = connect(client)) {
            assertEquals(expected, session.algorithms().kex(), "the Keyway client's choice");
            assertCat(data, KeywayExec.run(session, "cat", data));
            Session minaSide = mina.keyExchanges().get(0);
            assertTrue(minaSide.reExchangeKeys().verify(KeywayExec.LIMIT).isDone(), "MINA's re-exchange");
            assertCat(data, KeywayExec.run(session, "cat", data));
            assertEquals(expected, session.algorithms().kex(), "the Keyway client's choice after the re-exchange");
            List<Session> exchanges = mina.keyExchanges();
            assertEquals(List.of(minaSide, minaSide), exchanges, "key exchanges MINA completed");
            assertEquals(expected, minaSide.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS), "MINA's choice");
        }
    }

    private ClientSession connect(SshClient client) throws IOException {
        return client.connect("127.0.0.1", mina.port(), MinaServerForPeers.USER,
                Credentials.password(MinaServerForPeers.PASSWORD.toCharArray()));
    }

    private static byte[] data(int seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static void assertCat(byte[] sent, CommandResult result) throws Exception {
        assertEquals(0, result.exitStatus(), result.stderr());
        assertEquals(KeywayServerForPeers.sha256Hex(sent), KeywayServerForPeers.sha256Hex(result.stdout()),
                "SHA-256 of what came back through cat");
    }
}
