package dev.keyway.integration.load;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Keyway {@link SshServer} on 127.0.0.1 whose {@code exec} runs {@link EchoCommand}, with an
 * ed25519 host key and one user, {@link #USER}, who logs in with an ed25519 key (publickey, RFC
 * 4252 §7); and what a Keyway {@link SshClient} or OpenSSH's {@code ssh} needs to log in to it.
 * Each test adds its own settings (MaxStartups, re-keying, windows) to the builder.
 */
final class EchoServer implements AutoCloseable {
    static final String USER = "loader";

    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();

    private final KeyPair hostKey = ed25519();
    private final KeyPair userKey = ed25519();
    private final SshServer server;
    private final int port;

    private EchoServer(UnaryOperator<SshServer.Builder> settings) throws IOException {
        byte[] userBlob = PublicKeyBlob.encode(userKey.getPublic());
        server = settings.apply(SshServer.builder().registry(REGISTRY).hostKeys(List.of(hostKey))
                .publicKeyAuthenticator((user, key) -> USER.equals(user)
                        && Arrays.equals(PublicKeyBlob.encode(key), userBlob))
                .execHandler(new EchoCommand())).build();
        port = server.start().getPort();
    }

    /** Starts a server with the test's settings on top of the ones above. */
    static EchoServer start(UnaryOperator<SshServer.Builder> settings) throws IOException {
        return new EchoServer(settings);
    }

    int port() {
        return port;
    }

    /** A client builder that trusts this server's host key alone (RFC 4253 §8). */
    SshClient.Builder client() {
        byte[] hostBlob = PublicKeyBlob.encode(hostKey.getPublic());
        return SshClient.builder().registry(REGISTRY).hostKeyVerifier(key -> Arrays.equals(key.blob(), hostBlob));
    }

    /** Logs in to this server as {@link #USER} with the user key, through {@code client}. */
    ClientSession login(SshClient client) throws IOException {
        return client.connect("127.0.0.1", port, USER, Credentials.keyPairs(userKey));
    }

    /**
     * The command line for OpenSSH's {@code ssh} to log in as {@link #USER} with the user key and
     * run {@code command}: no configuration file, no agent, only this key, trusting only this
     * server's host key, never asking anything ({@code BatchMode}). The key and known_hosts
     * files go to {@code dir}, once.
     */
    List<String> sshCommand(Path ssh, Path dir, String command) throws IOException, KeyFileException {
        Path key = dir.resolve("id_ed25519");
        Path knownHosts = dir.resolve("known_hosts");
        if (!Files.exists(key)) {
            PrivateKeyFile.write(key, userKey);
            Files.writeString(knownHosts, "[127.0.0.1]:" + port + " ssh-ed25519 "
                    + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(hostKey.getPublic())) + "\n",
                    StandardCharsets.US_ASCII);
        }
        return new ArrayList<>(List.of(ssh.toString(), "-v", "-F", "/dev/null", "-p", Integer.toString(port),
                "-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "BatchMode=yes", "-o", "PreferredAuthentications=publickey",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "UpdateHostKeys=no", "-o", "ConnectTimeout=30",
                USER + "@127.0.0.1", command));
    }

    private static KeyPair ed25519() {
        return REGISTRY.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    }

    @Override
    public void close() {
        server.close();
    }
}
