package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Apache MINA SSHD's client against a Keyway {@code SshServer} over the whole matrix (see
 * {@link ClientMatrixToKeywayServer}): MINA accepts only the server's host key of the run's
 * type, logs in with the password or with a user key file Keyway wrote, and reports the
 * algorithms it negotiated.
 */
class MinaClientMatrixToKeywayServerTest extends ClientMatrixToKeywayServer {

    @Override
    CommandResult loginAndRun(PeerRun run, KeywayServerForPeers server, UserKeys userKeys) throws Exception {
        SshClient client = MinaClientForPeers.client(server);
        MinaAlgorithms.offerOnly(client, run.algorithms());
        try (ClientSession session = MinaClientForPeers.login(client, server, identity(run.login(), userKeys))) {
            CommandResult result = MinaClientForPeers.exec(session, PeerRun.COMMAND, run.data());
            MinaAlgorithms.assertNegotiated(run.algorithms(), session);
            assertEquals(run.hostKeyType(), KeyUtils.getKeyType(session.getServerKey()), "the key type MINA checked");
            return result;
        } finally {
            client.stop();
        }
    }

    /** The password, or the user's key of one type, read by MINA from the file Keyway wrote. */
    private static MinaClientForPeers.Identity identity(Login login, UserKeys userKeys) {
        if (login == Login.PASSWORD) {
            return session -> session.addPasswordIdentity(KeywayServerForPeers.PASSWORD);
        }
        return session -> {
            for (KeyPair pair : SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName(login.name()),
                    new ByteArrayInputStream(userKeys.openSshFile(login)), null)) {
                session.addPublicKeyIdentity(pair);
            }
        };
    }
}
