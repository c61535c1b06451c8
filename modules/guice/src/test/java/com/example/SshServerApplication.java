package com.example;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Provides;
import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.guice.KeywayModule;
import dev.keyway.guice.ProviderPreference;
import dev.keyway.guice.ServerConfiguration;
import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.keys.AuthorizedKeysAuthenticator;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** An SSH server in a Guice application, on port 2222 with the host key and authorized_keys of ./etc. */
public final class SshServerApplication {

    /** The application's bindings; KeywayModule does the rest. */
    static final class SshServerModule extends AbstractModule {
        @Override
        protected void configure() {
            install(new KeywayModule());
            bind(ServerConfiguration.class).toInstance(new ServerConfiguration(
                    new InetSocketAddress("0.0.0.0", 2222), List.of(Path.of("etc/ssh_host_ed25519_key"))));
            KeywayModule.serverCustomizers(binder()).addBinding().toInstance(server -> server
                    .execHandler(new SystemShell())
                    .banner("Authorized users only\n")
                    .maxAuthTries(3));
            // Optional: the defaults overridden, and a provider of your own.
            KeywayModule.policy(binder()).toInstance(
                    AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, "-aes*-ctr"));
            KeywayModule.providerPreference(binder()).toInstance(ProviderPreference.of("bouncycastle"));
            // KeywayModule.providers(binder()).addBinding().to(MyProvider.class);
        }

        /** Who may log in: read when the server is built. */
        @Provides
        PublicKeyAuthenticator authorizedKeys() throws IOException {
            return AuthorizedKeysAuthenticator.of(AuthorizedKeys.read(Path.of("etc/authorized_keys")));
        }
    }

    public static void main(String[] args) throws Exception {
        SshServer server = Guice.createInjector(new SshServerModule()).getInstance(SshServer.class);
        // Guice manages no lifecycle: the application starts the server and closes it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("listening on " + server.start());
        Thread.currentThread().join(); // the server's threads are daemons: keep the JVM up
    }
}
