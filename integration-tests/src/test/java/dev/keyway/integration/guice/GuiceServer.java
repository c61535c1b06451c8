package dev.keyway.integration.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.guice.KeywayModule;
import dev.keyway.guice.ServerConfiguration;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * A Keyway server as a Guice application builds it: {@link KeywayModule}, a
 * {@link ServerConfiguration} with a host key file on 127.0.0.1, one provider added through the
 * multibinder, the test's authenticator bindings and {@link SystemShell} for {@code exec};
 * started, and stopped by {@link #close()}. Public for the OpenSSH tests.
 */
public final class GuiceServer implements AutoCloseable {
    private final Injector injector;
    private final SshServer server;
    private final InetSocketAddress address;

    private GuiceServer(Injector injector, SshServer server, InetSocketAddress address) {
        this.injector = injector;
        this.server = server;
        this.address = address;
    }

    public static GuiceServer start(Path hostKeyFile, AlgorithmProvider provider, Module authenticators)
            throws IOException {
        Injector injector = Guice.createInjector(new KeywayModule(), authenticators, new AbstractModule() {
            @Override
            protected void configure() {
                bind(ServerConfiguration.class).toInstance(new ServerConfiguration(
                        new InetSocketAddress("127.0.0.1", 0), List.of(hostKeyFile)));
                KeywayModule.providers(binder()).addBinding().toInstance(provider);
                KeywayModule.serverCustomizers(binder()).addBinding().toInstance(b -> b.execHandler(new SystemShell()));
            }
        });
        SshServer server = injector.getInstance(SshServer.class);
        try {
            return new GuiceServer(injector, server, server.start());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return address.getPort();
    }

    /** The provider that serves {@code name} to the connections that start now. */
    public String providerOf(AlgorithmCategory category, String name) {
        return injector.getInstance(AlgorithmSource.class).snapshot().providerName(category, name).orElse("(none)");
    }

    @Override
    public void close() {
        server.close();
    }
}
