package dev.keyway.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.HostKeyVerifier;
import java.util.ServiceLoader;

/**
 * Keyway for a Guice application. Install it, then:
 * <ul>
 * <li>{@code injector.getInstance(SshServer.class)} builds a server from the bound
 *     {@link ServerConfiguration}, the authenticators the application binds
 *     ({@link PasswordAuthenticator}, {@link PublicKeyAuthenticator},
 *     {@link KeyboardInteractiveAuthenticator}, each optional, at least one needed) and the
 *     {@link ServerCustomizer}s;
 * <li>{@code injector.getInstance(SshClient.class)} builds a client with the bound
 *     {@link HostKeyVerifier} and the {@link ClientCustomizer}s.
 * </ul>
 * Both are unscoped: each request builds a new one, which its requester owns. A server is not
 * started: call {@link SshServer#start()} when the application is ready to take connections and
 * {@link SshServer#close()} when it stops (try-with-resources, or the application's shutdown
 * hook); Guice has no lifecycle of its own, and a server that bound its port while the injector
 * was being created (in {@code Stage.PRODUCTION} every singleton is made then) would take
 * connections before the application was ready. A client's network thread runs from the
 * moment it is built until {@link SshClient#close()}.
 *
 * <p>Algorithms come from the {@code Multibinder<AlgorithmProvider>} set ({@link #providers}),
 * to which this module adds every provider {@link ServiceLoader} finds through its class loader
 * (the {@code provides} clauses of the module path, or {@code META-INF/services} on the class
 * path). The bound {@link AlgorithmSource} asks the injector for that set as each connection
 * starts and builds the registry the connection negotiates from (RFC 4253 §7.1) and keeps. Which
 * providers the set holds is fixed once the injector is created; what may change from one
 * connection to the next is the instance an unscoped or {@code toProvider} element gives.
 * For providers that come and go while a server runs, use the OSGi source of
 * {@code dev.keyway.osgi}, or a new injector and a new server.
 *
 * <p>Defaults an application overrides with {@code OptionalBinder}, through the helpers below:
 * the {@link AlgorithmPolicy} ({@link AlgorithmPolicy#defaults()}), the
 * {@link ProviderPreference} (priority alone) and the client's {@link HostKeyVerifier}, which
 * by default trusts no host key at all: which servers a client trusts is the application's
 * decision (RFC 4253 §8), e.g. {@code KnownHostsVerifier.strict} for the one server it talks to.
 *
 * <p>Installing it twice is harmless: all instances are equal, and Guice installs equal
 * modules once.
 */
public final class KeywayModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<AlgorithmProvider> providers = providers(binder());
        for (AlgorithmProvider provider : ServiceLoader.load(AlgorithmProvider.class, KeywayModule.class.getClassLoader())) {
            providers.addBinding().toInstance(provider);
        }
        OptionalBinder.newOptionalBinder(binder(), AlgorithmPolicy.class).setDefault().toInstance(AlgorithmPolicy.defaults());
        OptionalBinder.newOptionalBinder(binder(), ProviderPreference.class).setDefault()
                .toInstance(ProviderPreference.byPriority());
        OptionalBinder.newOptionalBinder(binder(), HostKeyVerifier.class).setDefault().toInstance(noHostTrusted());
        // No defaults: the application binds these directly, bind(PasswordAuthenticator.class).to(...).
        OptionalBinder.newOptionalBinder(binder(), ServerConfiguration.class);
        OptionalBinder.newOptionalBinder(binder(), PasswordAuthenticator.class);
        OptionalBinder.newOptionalBinder(binder(), PublicKeyAuthenticator.class);
        OptionalBinder.newOptionalBinder(binder(), KeyboardInteractiveAuthenticator.class);
        serverCustomizers(binder());
        clientCustomizers(binder());
        bind(AlgorithmSource.class).to(ProviderSetSource.class);
        bind(SshServer.class).toProvider(ServerFactory.class);
        bind(SshClient.class).toProvider(ClientFactory.class);
    }

    /**
     * The set of algorithm providers, to add one:
     * {@code KeywayModule.providers(binder()).addBinding().to(MyProvider.class)}. A provider
     * that offers a name another provider offers too serves it if its priority is higher or the
     * {@link ProviderPreference} names it first.
     */
    public static Multibinder<AlgorithmProvider> providers(Binder binder) {
        return Multibinder.newSetBinder(binder, AlgorithmProvider.class);
    }

    /**
     * Replaces the default {@link AlgorithmPolicy} of servers and clients, e.g.
     * {@code policy(binder()).toInstance(AlgorithmPolicy.defaults().with(CIPHER, "-aes*-ctr"))}.
     */
    public static LinkedBindingBuilder<AlgorithmPolicy> policy(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, AlgorithmPolicy.class).setBinding();
    }

    /** Replaces the default provider order (priority alone), e.g. {@code toInstance(ProviderPreference.of("bouncycastle"))}. */
    public static LinkedBindingBuilder<ProviderPreference> providerPreference(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, ProviderPreference.class).setBinding();
    }

    /** Replaces the client's default host key verifier, which accepts no key. */
    public static LinkedBindingBuilder<HostKeyVerifier> hostKeyVerifier(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, HostKeyVerifier.class).setBinding();
    }

    /** The set of {@link ServerCustomizer}s, to add one: {@code serverCustomizers(binder()).addBinding()...}. */
    public static Multibinder<ServerCustomizer> serverCustomizers(Binder binder) {
        return Multibinder.newSetBinder(binder, ServerCustomizer.class);
    }

    /** The set of {@link ClientCustomizer}s, to add one: {@code clientCustomizers(binder()).addBinding()...}. */
    public static Multibinder<ClientCustomizer> clientCustomizers(Binder binder) {
        return Multibinder.newSetBinder(binder, ClientCustomizer.class);
    }

    /** Fails closed until the application says which servers to trust: HOST_KEY_NOT_VERIFIABLE. */
    private static HostKeyVerifier noHostTrusted() {
        return key -> false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeywayModule;
    }

    @Override
    public int hashCode() {
        return KeywayModule.class.hashCode();
    }
}
