package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Keyway {@link SshClient} against a MINA SSHD server that re-exchanges keys every 128 KiB
 * (RFC 4253 §9) while 1 MiB goes through {@code cat}, with an RSA host key verified as
 * rsa-sha2-512 (RFC 8332).
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
        byte[] data = new byte[1024 * 1024];
        new Random(13).nextBytes(data);
        String fingerprint = mina.hostKeyFingerprint(KeyPairProvider.SSH_RSA);
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.HOST_KEY, "rsa-sha2-512");
        CommandResult r;
        try (SshClient client = SshClient.builder().policy(policy).timeout(KeywayExec.LIMIT)
                .hostKeyVerifier(key -> key.algorithm().equals("rsa-sha2-512") && key.fingerprint().equals(fingerprint))
                .build();
                ClientSession session = client.connect("127.0.0.1", mina.port(), MinaServerForPeers.USER,
                        Credentials.password(MinaServerForPeers.PASSWORD.toCharArray()))) {
            r = KeywayExec.run(session, "cat", data);
        }
        assertEquals(0, r.exitStatus());
        assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(r.stdout()));
        assertTrue(mina.keyExchanges().size() >= 3, "key exchanges: " + mina.keyExchanges().size());
    }
}
