package dev.keyway.guice;

import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.SshServer;
import dev.keyway.transport.AlgorithmPolicy;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a new, unstarted {@link SshServer} from the bindings each time one is asked for: the
 * configuration, the Guice algorithm source and policy, the authenticators the application
 * bound, then the customizers. Whoever gets it owns it: starts it and closes it.
 */
final class ServerFactory implements Provider<SshServer> {
    private final Optional<ServerConfiguration> configuration;
    private final AlgorithmSource algorithms;
    private final AlgorithmPolicy policy;
    private final Optional<PasswordAuthenticator> passwords;
    private final Optional<PublicKeyAuthenticator> publicKeys;
    private final Optional<KeyboardInteractiveAuthenticator> keyboardInteractive;
    private final Set<ServerCustomizer> customizers;

    @Inject
    ServerFactory(Optional<ServerConfiguration> configuration, AlgorithmSource algorithms, AlgorithmPolicy policy,
            Optional<PasswordAuthenticator> passwords, Optional<PublicKeyAuthenticator> publicKeys,
            Optional<KeyboardInteractiveAuthenticator> keyboardInteractive, Set<ServerCustomizer> customizers) {
        this.configuration = configuration;
        this.algorithms = algorithms;
        this.policy = policy;
        this.passwords = passwords;
        this.publicKeys = publicKeys;
        this.keyboardInteractive = keyboardInteractive;
        this.customizers = customizers;
    }

    /**
     * @throws IllegalStateException when no {@link ServerConfiguration} is bound, or no
     *     authenticator is bound nor set by a customizer
     * @throws UncheckedIOException when a host key file cannot be read
     */
    @Override
    public SshServer get() {
        ServerConfiguration c = configuration.orElseThrow(() -> new IllegalStateException(
                "no ServerConfiguration is bound: a server needs its address and host key files"));
        SshServer.Builder b = SshServer.builder().algorithms(algorithms).policy(policy)
                .bind(c.bindAddress()).hostKeys(hostKeys(c.hostKeyFiles()));
        passwords.ifPresent(b::passwordAuthenticator);
        publicKeys.ifPresent(b::publicKeyAuthenticator);
        keyboardInteractive.ifPresent(b::keyboardInteractiveAuthenticator);
        customizers.forEach(customizer -> customizer.customize(b));
        return b.build();
    }

    private static List<KeyPair> hostKeys(List<Path> files) {
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : files) {
            try {
                keys.add(PrivateKeyFile.read(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the host key " + file, e);
            } catch (KeyFileException e) {
                throw new IllegalStateException("the host key " + file + " is not usable: " + e.getMessage(), e);
            }
        }
        return keys;
    }
}
