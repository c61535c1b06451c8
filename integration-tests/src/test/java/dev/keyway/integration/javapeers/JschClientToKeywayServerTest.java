package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.PrivateKeyFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JSch (com.github.mwiede) logs in to a Keyway {@code SshServer} with a password and with an
 * ed25519 key file Keyway wrote and an ECDSA key JSch generated (RFC 4252 §7, §8), checking the host key against known_hosts, and
 * runs commands through {@code SystemShell}: output, exit status (RFC 4254 §6.10) and 1 MiB
 * through stdin and back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JschClientToKeywayServerTest {
    private static KeywayServerForPeers server;

    @BeforeAll
    static void start() throws Exception {
        server = KeywayServerForPeers.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Session passwordSession(String password) throws Exception {
        Session session = JschExec.session(new JSch(), server.port(), server.knownHostsLines());
        session.setPassword(password);
        session.setConfig("PreferredAuthentications", "password");
        return session;
    }

    @Test
    void passwordLoginRunsEchoHello() throws Exception {
        Session session = passwordSession(KeywayServerForPeers.PASSWORD);
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            CommandResult r = JschExec.run(session, "echo hello");
            assertEquals("hello\n", r.out(), r.stderr());
            assertEquals(0, r.exitStatus());
            assertTrue(session.getServerVersion().startsWith("SSH-2.0-"), session.getServerVersion());
        } finally {
            session.disconnect();
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        Session session = passwordSession("not the password");
        try {
            JSchException e = assertThrows(JSchException.class, () -> session.connect((int) JschExec.LIMIT.toMillis()));
            assertTrue(e.getMessage().contains("Auth fail"), e.getMessage());
        } finally {
            session.disconnect();
        }
    }

    @Test
    void exitStatusThree() throws Exception {
        Session session = passwordSession(KeywayServerForPeers.PASSWORD);
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            assertEquals(3, JschExec.run(session, "exit 3").exitStatus());
        } finally {
            session.disconnect();
        }
    }

    @Test
    void oneMebibyteThroughCat() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(3).nextBytes(data);
        Session session = passwordSession(KeywayServerForPeers.PASSWORD);
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            CommandResult r = JschExec.run(session, "cat", data);
            assertEquals(0, r.exitStatus(), r.stderr());
            assertEquals(data.length, r.stdout().length);
            assertEquals(KeywayServerForPeers.sha256Hex(data), KeywayServerForPeers.sha256Hex(r.stdout()));
        } finally {
            session.disconnect();
        }
    }

    /** JSch cannot export the ed25519 keys it generates: it reads one Keyway wrote instead. */
    @Test
    void ed25519PublicKeyLoginWithKeywayWrittenKeyFile() throws Exception {
        java.security.KeyPair pair = AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow()
                .generateKeyPair(new SecureRandom());
        byte[] openSshFile = PrivateKeyFile.format(pair).getBytes(StandardCharsets.US_ASCII);
        assertPublicKeyLogin(openSshFile, PublicKeyBlob.encode(pair.getPublic()), "ssh-ed25519");
    }

    @Test
    void ecdsaP256PublicKeyLoginWithJschGeneratedKey() throws Exception {
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        assertEquals("ecdsa-sha2-nistp256", key.getKeyTypeString());
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        key.writePrivateKey(privateKey);
        assertPublicKeyLogin(privateKey.toByteArray(), key.getPublicKeyBlob(), "ecdsa-sha2-nistp256");
    }

    @Test
    void unauthorizedKeyIsRefused() throws Exception {
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        key.writePrivateKey(privateKey);
        JSch jsch = new JSch();
        jsch.addIdentity("unauthorized", privateKey.toByteArray(), null, null);
        Session session = JschExec.session(jsch, server.port(), server.knownHostsLines());
        session.setConfig("PreferredAuthentications", "publickey");
        try {
            JSchException e = assertThrows(JSchException.class, () -> session.connect((int) JschExec.LIMIT.toMillis()));
            assertTrue(e.getMessage().contains("Auth fail"), e.getMessage());
        } finally {
            session.disconnect();
        }
    }

    private static void assertPublicKeyLogin(byte[] privateKeyFile, byte[] publicKeyBlob, String keyType)
            throws Exception {
        JSch jsch = new JSch();
        jsch.addIdentity("key-" + keyType, privateKeyFile, null, null);
        assertEquals(keyType, jsch.getIdentityRepository().getIdentities().get(0).getAlgName());
        server.authorize(publicKeyBlob);
        Session session = JschExec.session(jsch, server.port(), server.knownHostsLines());
        session.setConfig("PreferredAuthentications", "publickey");
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            CommandResult r = JschExec.run(session, "echo $((6 * 7))");
            assertEquals("42\n", r.out(), r.stderr());
        } finally {
            session.disconnect();
        }
    }
}
