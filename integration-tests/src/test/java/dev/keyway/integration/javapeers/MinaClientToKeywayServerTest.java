package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.client.ClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apache MINA SSHD's client logs in with a password to a Keyway {@code SshServer}, accepting
 * only Keyway's host keys, and runs commands through {@code SystemShell} over exec channels:
 * output, exit status, 1 MiB through stdin and back; then restricted to one key exchange,
 * cipher and MAC, which MINA reports as negotiated.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MinaClientToKeywayServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static KeywayServerForPeers server;
    private SshClient mina;

    @BeforeAll
    static void startServer() throws Exception {
        server = KeywayServerForPeers.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stopClient() {
        if (mina != null) {
            mina.stop();
        }
    }

    private SshClient startClient() {
        mina = SshClient.setUpDefaultClient();
        List<PublicKey> known = List.of(server.ed25519HostKey(), server.ecdsaHostKey());
        mina.setServerKeyVerifier((session, address, key) -> known.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        return mina;
    }

    private ClientSession login(SshClient client, String password) throws Exception {
        client.start();
        ClientSession session = client.connect(KeywayServerForPeers.USER, "127.0.0.1", server.port())
                .verify(LIMIT).getSession();
        session.addPasswordIdentity(password);
        session.auth().verify(LIMIT);
        return session;
    }

    private record Exec(String out, int status) {
    }

    private static Exec exec(ClientSession session, String command, byte[] stdin, ByteArrayOutputStream out)
            throws Exception {
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setIn(new ByteArrayInputStream(stdin));
            channel.setOut(out);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setErr(err);
            channel.open().verify(LIMIT);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LIMIT);
            assertTrue(events.contains(ClientChannelEvent.CLOSED), "channel not closed: " + events);
            Integer status = channel.getExitStatus();
            assertNotNull(status, "no exit-status; stderr: " + err.toString(StandardCharsets.UTF_8));
            return new Exec(out.toString(StandardCharsets.UTF_8), status);
        }
    }

    private static Exec exec(ClientSession session, String command) throws Exception {
        return exec(session, command, new byte[0], new ByteArrayOutputStream());
    }

    @Test
    void passwordLoginExecAndExitStatus() throws Exception {
        try (ClientSession session = login(startClient(), KeywayServerForPeers.PASSWORD)) {
            Exec hello = exec(session, "echo hello");
            assertEquals("hello\n", hello.out());
            assertEquals(0, hello.status());
            assertEquals(3, exec(session, "exit 3").status());
            assertTrue(session.getServerVersion().startsWith("SSH-2.0-"), session.getServerVersion());
        }
    }

    @Test
    void oneMebibyteThroughCat() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(9).nextBytes(data);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        try (ClientSession session = login(startClient(), KeywayServerForPeers.PASSWORD)) {
            assertEquals(0, exec(session, "cat", data, back).status());
        }
        assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(back.toByteArray()));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        SshClient client = startClient();
        assertThrows(Exception.class, () -> login(client, "wrong").close());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "curve25519-sha256, chacha20-poly1305@openssh.com, hmac-sha2-256-etm@openssh.com",
            "ecdh-sha2-nistp256, aes256-gcm@openssh.com, hmac-sha2-256-etm@openssh.com",
            "curve25519-sha256@libssh.org, aes128-ctr, hmac-sha2-256-etm@openssh.com",
            "ecdh-sha2-nistp256, aes256-ctr, hmac-sha2-512",
    })
    void negotiatesWhatTheClientOffers(String kex, String cipher, String mac) throws Exception {
        SshClient client = startClient();
        BuiltinDHFactories dh = BuiltinDHFactories.fromFactoryName(kex);
        BuiltinCiphers c = BuiltinCiphers.fromFactoryName(cipher);
        BuiltinMacs m = BuiltinMacs.fromFactoryName(mac);
        assertTrue(dh != null && dh.isSupported() && c != null && c.isSupported() && m != null && m.isSupported(),
                "MINA lacks one of " + kex + " " + cipher + " " + mac);
        client.setKeyExchangeFactories(List.of(ClientBuilder.DH2KEX.apply(dh)));
        client.setCipherFactories(List.<NamedFactory<Cipher>>of(c));
        client.setMacFactories(List.<NamedFactory<Mac>>of(m));
        try (ClientSession session = login(client, KeywayServerForPeers.PASSWORD)) {
            Exec r = exec(session, "echo " + cipher);
            assertEquals(cipher + "\n", r.out());
            assertEquals(kex, session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
            assertEquals(cipher, session.getNegotiatedKexParameter(KexProposalOption.C2SENC));
            assertEquals(cipher, session.getNegotiatedKexParameter(KexProposalOption.S2CENC));
            assertFalse(session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS).isEmpty());
        }
    }
}
