package dev.keyway.integration.embedding;

import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.keys.AuthorizedKeysAuthenticator;
import dev.keyway.keys.OpenSshPublicKey;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/**
 * An SSH server and an SSH client in one plain {@code main}:
 * {@code java PlainMain HOST_KEY AUTHORIZED_KEYS USER_KEY COMMAND} serves 127.0.0.1 with the
 * host key, lets in the keys of the authorized_keys file, logs in with the user's key, runs
 * the command, prints its output and exits with its exit status.
 */
public final class PlainMain {
    private PlainMain() {
    }

    public static void main(String[] args) throws Exception {
        KeyPair hostKey = PrivateKeyFile.read(Path.of(args[0]));           // ssh-keygen -t ed25519 -f host_ed25519
        AuthorizedKeys authorized = AuthorizedKeys.read(Path.of(args[1])); // sshd's authorized_keys format
        KeyPair userKey = PrivateKeyFile.read(Path.of(args[2]));           // ssh-keygen -t ed25519 -f id_ed25519
        String command = args[3];

        int status;
        try (SshServer server = SshServer.builder()
                .hostKeys(List.of(hostKey))
                .publicKeyAuthenticator(AuthorizedKeysAuthenticator.of(authorized))
                .execHandler(new SystemShell())   // exec runs /bin/sh -c COMMAND as this JVM's user
                .build()) {                       // listens on 127.0.0.1, on a free port
            int port = server.start().getPort();
            status = runOnServer(port, OpenSshPublicKey.of(hostKey.getPublic(), ""), userKey, command);
        }
        System.exit(status);
    }

    /** The client: trusts only the server's host key, logs in as alice with her key, runs the command. */
    private static int runOnServer(int port, OpenSshPublicKey serverKey, KeyPair userKey, String command) throws Exception {
        try (SshClient client = SshClient.builder()
                        .hostKeyVerifier(key -> serverKey.sameKey(key.blob()))
                        .build();
                ClientSession session = client.connect("127.0.0.1", port, "alice", Credentials.keyPairs(userKey));
                RemoteProcess process = session.exec(command)) {
            process.getOutputStream().close();    // no input: EOF
            // Small outputs: read one stream after the other (large ones want a thread each).
            System.out.write(process.getInputStream().readAllBytes());
            System.err.write(process.getErrorStream().readAllBytes());
            System.out.flush();
            return process.waitFor(Duration.ofSeconds(30));
        }
    }
}
