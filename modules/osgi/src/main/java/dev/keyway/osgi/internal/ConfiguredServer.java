package dev.keyway.osgi.internal;

import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.keys.AuthorizedKeysAuthenticator;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.LineProblem;
import dev.keyway.keys.PasswordTable;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the server component's {@link SshServer} from its settings, as {@code keyway server}
 * builds its own: the same key and password files, read when the component activates, so that a
 * wrong one fails the activation with its reason; commands run as the framework's user, {@code
 * exec} with {@code /bin/sh -c} and {@code shell} with {@code /bin/sh} ({@link SystemShell}).
 */
final class ConfiguredServer {
    private static final System.Logger LOG = System.getLogger("dev.keyway.osgi");
    /** The key made when none is configured, kept as the CLI keeps its own in ~/.keyway. */
    static final String MADE_HOST_KEY = "ssh_host_ed25519_key";

    private ConfiguredServer() {
    }

    /**
     * The server, not started.
     *
     * @param dataArea where to keep a host key made because none is configured
     * @throws IllegalStateException when neither a password file nor an authorized_keys file is set
     */
    static SshServer build(ServerOptions options, int port, AlgorithmSource algorithms, Path dataArea)
            throws IOException, GeneralSecurityException, KeyFileException {
        SshServer.Builder builder = SshServer.builder()
                .algorithms(algorithms)
                .hostKeys(hostKeys(options, dataArea))
                .bind(new InetSocketAddress(options.address(), port))
                .execHandler(new SystemShell())
                .shellHandler(new SystemShell());
        if (options.passwordFile().isPresent()) {
            PasswordTable passwords = new PasswordTable();
            passwords.addFile(options.passwordFile().get());
            builder.passwordAuthenticator(passwords);
        }
        if (options.authorizedKeys().isPresent()) {
            Path file = options.authorizedKeys().get();
            AuthorizedKeys keys = AuthorizedKeys.read(file);
            for (LineProblem p : keys.problems()) {
                LOG.log(System.Logger.Level.WARNING, file + ":" + p.lineNumber() + ": " + p.message() + "; line skipped");
            }
            builder.publicKeyAuthenticator(AuthorizedKeysAuthenticator.of(keys));
        }
        if (options.passwordFile().isEmpty() && options.authorizedKeys().isEmpty()) {
            throw new IllegalStateException("set " + ServerOptions.PASSWORD_FILE + " or " + ServerOptions.AUTHORIZED_KEYS
                    + ", or nobody can log in");
        }
        if (options.allowPluggedAuthMethods()) {
            builder.allowPluggedAuthMethods();
        }
        return builder.build();
    }

    private static List<KeyPair> hostKeys(ServerOptions options, Path dataArea)
            throws IOException, GeneralSecurityException, KeyFileException {
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : options.hostKeys()) {
            keys.add(PrivateKeyFile.read(file));
        }
        if (keys.isEmpty()) {
            Path made = dataArea.resolve(MADE_HOST_KEY);
            if (!Files.exists(made)) {
                // The JDK's generator: no provider bundle need be running yet.
                PrivateKeyFile.write(made, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
                LOG.log(System.Logger.Level.INFO, "made a new ed25519 host key in " + made);
            }
            keys.add(PrivateKeyFile.read(made));
        }
        for (KeyPair key : keys) {
            LOG.log(System.Logger.Level.INFO, "host key " + KeyType.of(key.getPublic()).map(KeyType::sshName).orElse("?")
                    + " " + KeyFingerprint.sha256(PublicKeyBlob.encode(key.getPublic())));
        }
        return keys;
    }
}
