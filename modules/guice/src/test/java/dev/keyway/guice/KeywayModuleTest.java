package dev.keyway.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link KeywayModule} builds servers and clients from the bindings: what is required, what
 * each request gives, and the errors that name what is missing. The sessions themselves are in
 * integration-tests ({@code …integration.guice} and {@code …integration.openssh}).
 */
class KeywayModuleTest {
    private static final PasswordAuthenticator NOBODY = (user, password) -> false;

    @TempDir
    Path dir;

    private Path hostKeyFile() throws Exception {
        Path file = dir.resolve("ssh_host_ed25519_key");
        PrivateKeyFile.write(file, AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow()
                .generateKeyPair(new SecureRandom()));
        return file;
    }

    private static Injector injector(ServerConfiguration configuration, PasswordAuthenticator passwords) {
        return Guice.createInjector(new KeywayModule(), new AbstractModule() {
            @Override
            protected void configure() {
                if (configuration != null) {
                    bind(ServerConfiguration.class).toInstance(configuration);
                }
                if (passwords != null) {
                    bind(PasswordAuthenticator.class).toInstance(passwords);
                }
            }
        });
    }

    private static ServerConfiguration loopback(Path hostKey) {
        return new ServerConfiguration(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(hostKey));
    }

    @Test
    void eachRequestBuildsANewServerThatStartsOnTheConfiguredAddress() throws Exception {
        Injector injector = injector(loopback(hostKeyFile()), NOBODY);
        try (SshServer first = injector.getInstance(SshServer.class);
                SshServer second = injector.getInstance(SshServer.class)) {
            InetSocketAddress a = first.start();
            InetSocketAddress b = second.start();
            assertEquals(InetAddress.getLoopbackAddress(), a.getAddress());
            assertTrue(a.getPort() != b.getPort(), a + " " + b);
        }
    }

    /** A client-only application binds no server configuration, and its injector is fine. */
    @Test
    void aServerWithoutConfigurationIsRefusedByName() {
        Injector injector = injector(null, NOBODY);
        try (SshClient client = injector.getInstance(SshClient.class)) {
            ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(SshServer.class));
            assertTrue(e.getMessage().contains("no ServerConfiguration is bound"), e.getMessage());
        }
    }

    @Test
    void aServerWithoutAuthenticatorIsRefused() throws Exception {
        Injector injector = injector(loopback(hostKeyFile()), null);
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(SshServer.class));
        assertTrue(e.getMessage().contains("no authenticator"), e.getMessage());
    }

    @Test
    void aMissingHostKeyFileIsNamed() {
        Path missing = dir.resolve("no_such_key");
        Injector injector = injector(loopback(missing), NOBODY);
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(SshServer.class));
        assertTrue(e.getCause() instanceof UncheckedIOException, e.toString());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    /** Customizers run on the builder of each server, before it is built: here one adds the authenticator. */
    @Test
    void aCustomizerRunsForEachServerBuilt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Path hostKey = hostKeyFile();
        Injector injector = Guice.createInjector(new KeywayModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(ServerConfiguration.class).toInstance(loopback(hostKey));
                KeywayModule.serverCustomizers(binder()).addBinding().toInstance(b -> {
                    runs.incrementAndGet();
                    b.passwordAuthenticator(NOBODY);
                });
            }
        });
        injector.getInstance(SshServer.class).close();
        injector.getInstance(SshServer.class).close();
        assertEquals(2, runs.get());
    }
}
