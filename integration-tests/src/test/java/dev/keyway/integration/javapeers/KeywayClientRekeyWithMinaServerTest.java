package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
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
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String USER = "bob";
    private static final String PASSWORD = "rekey-password";

    private SshServer mina;
    private final AtomicInteger keyExchanges = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        if (mina != null) {
            mina.stop(true);
        }
    }

    @Test
    void serverRekeysEvery128KibDuringOneMebibyteThroughCat() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(3072);
        KeyPair hostKey = rsa.generateKeyPair();
        mina = SshServer.setUpDefaultServer();
        mina.setHost("127.0.0.1");
        mina.setPort(0);
        mina.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        mina.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        mina.setCommandFactory((channel, command) -> new EchoOrExitCommand(command));
        CoreModuleProperties.REKEY_BYTES_LIMIT.set(mina, 128L * 1024);
        mina.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KexCompleted) {
                    keyExchanges.incrementAndGet();
                }
            }
        });
        mina.start();

        byte[] data = new byte[1024 * 1024];
        new Random(13).nextBytes(data);
        String fingerprint = KeyUtils.getFingerPrint(hostKey.getPublic());
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.HOST_KEY, "rsa-sha2-512");
        byte[] back;
        try (SshClient client = SshClient.builder().policy(policy).timeout(LIMIT)
                .hostKeyVerifier(key -> key.algorithm().equals("rsa-sha2-512") && key.fingerprint().equals(fingerprint))
                .build();
                ClientSession session = client.connect("127.0.0.1", mina.getPort(), USER,
                        Credentials.password(PASSWORD.toCharArray()));
                RemoteProcess cat = session.exec("cat")) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream in = cat.getOutputStream()) {
                    in.write(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            back = cat.getInputStream().readAllBytes();
            writer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(0, cat.waitFor(LIMIT));
        }
        assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(back));
        assertTrue(keyExchanges.get() >= 3, "key exchanges: " + keyExchanges.get());
    }
}
