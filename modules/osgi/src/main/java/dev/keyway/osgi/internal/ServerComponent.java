package dev.keyway.osgi.internal;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.keys.KeyFileException;
import dev.keyway.ssh.SshServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * An SSH server as a Declarative Services component, configured by {@link ServerOptions}
 * (Configuration Admin's PID {@code dev.keyway.server}, else framework properties). A new
 * configuration restarts it; deactivation stops it, ending every session.
 *
 * <p>It follows the provider services on the rules of {@code OsgiAlgorithmSource}, with a
 * reference of its own rather than the source's service: that way it learns of each provider
 * after its registry has it, and can start once the providers offer every KEXINIT category and
 * the user authentication methods it needs, whichever order the bundles start in. From then
 * on, key exchange, host key, cipher, MAC and compression follow the providers per connection;
 * the user authentication methods stay those it started with unless
 * {@code keyway.server.allowPluggedAuthMethods} is true ({@link SshServer.Builder#allowPluggedAuthMethods()}).
 */
@Component(configurationPid = ServerComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ServerComponent {
    static final String PID = "dev.keyway.server";
    private static final System.Logger LOG = System.getLogger("dev.keyway.osgi");

    private final ProviderServices providers = new ProviderServices();
    private SshServer server;
    private boolean listening;

    @Reference(name = "providers", service = AlgorithmProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updateProvider", unbind = "removeProvider")
    void addProvider(AlgorithmProvider provider, Map<String, Object> properties) {
        providers.put(provider, properties);
        startWhenReady();
    }

    void updateProvider(AlgorithmProvider provider, Map<String, Object> properties) {
        providers.put(provider, properties);
    }

    void removeProvider(AlgorithmProvider provider, Map<String, Object> properties) {
        providers.remove(properties);
    }

    @Activate
    synchronized void activate(BundleContext context, Map<String, Object> configuration)
            throws IOException, GeneralSecurityException, KeyFileException {
        ServerOptions options = new ServerOptions(configuration, context::getProperty);
        Optional<Integer> port = options.port();
        if (port.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "no " + ServerOptions.PORT + " in configuration " + PID
                    + " or the framework properties: no server");
            return;
        }
        server = ConfiguredServer.build(options, port.get(), providers, context.getDataFile("").toPath());
        startWhenReady();
    }

    @Deactivate
    synchronized void deactivate() {
        if (server != null) {
            server.close();
            server = null;
            listening = false;
        }
    }

    /** Starts the server once the providers suffice; until then each new provider tries again. */
    private synchronized void startWhenReady() {
        if (server == null || listening) {
            return;
        }
        try {
            InetSocketAddress bound = server.start();
            listening = true;
            LOG.log(System.Logger.Level.INFO, "listening on " + bound.getHostString() + ":" + bound.getPort());
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "waiting for providers: " + e.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot listen: " + e.getMessage());
        }
    }
}
