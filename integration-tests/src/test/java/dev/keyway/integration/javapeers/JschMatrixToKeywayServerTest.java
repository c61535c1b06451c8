package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import dev.keyway.integration.AlgorithmCombination;

/**
 * JSch against a Keyway {@code SshServer} over the whole matrix (see
 * {@link ClientMatrixToKeywayServer}): JSch checks the host key against known_hosts, logs in with
 * the password or with a user key file Keyway wrote, and reports the algorithms it negotiated.
 */
class JschMatrixToKeywayServerTest extends ClientMatrixToKeywayServer {

    @Override
    CommandResult loginAndRun(PeerRun run, KeywayServerForPeers server, UserKeys userKeys) throws Exception {
        AlgorithmCombination c = run.algorithms();
        JSch jsch = new JSch();
        Session session = JschExec.session(jsch, server.port(), server.knownHostsLines());
        if (run.login() == Login.PASSWORD) {
            session.setPassword(KeywayServerForPeers.PASSWORD);
            session.setConfig("PreferredAuthentications", "password");
        } else {
            jsch.addIdentity(run.login().name(), userKeys.openSshFile(run.login()), null, null);
            session.setConfig("PreferredAuthentications", "publickey");
        }
        session.setConfig("kex", c.kex());
        session.setConfig("server_host_key", c.hostKey());
        session.setConfig("cipher.c2s", c.cipher());
        session.setConfig("cipher.s2c", c.cipher());
        if (c.mac() != null) {
            session.setConfig("mac.c2s", c.mac());
            session.setConfig("mac.s2c", c.mac());
        }
        try {
            session.connect((int) JschExec.LIMIT.toMillis());
            CommandResult result = JschExec.run(session, PeerRun.COMMAND, run.data());
            assertEquals(c.kex(), session.getKexAlgorithm(), "JSch's key exchange");
            assertEquals(c.hostKey(), session.getServerHostKeyAlgorithm(), "JSch's host key algorithm");
            assertEquals(run.hostKeyType(), session.getHostKey().getType(), "the key type JSch checked");
            assertEquals(c.cipher(), session.getCipherAlgorithmC2S(), "JSch's cipher c2s");
            assertEquals(c.cipher(), session.getCipherAlgorithmS2C(), "JSch's cipher s2c");
            if (c.mac() != null) {
                assertEquals(c.mac(), session.getMacAlgorithmC2S(), "JSch's MAC c2s");
                assertEquals(c.mac(), session.getMacAlgorithmS2C(), "JSch's MAC s2c");
            }
            return result;
        } finally {
            session.disconnect();
        }
    }
}
