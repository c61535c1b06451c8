package dev.keyway.guice;

import dev.keyway.ssh.SshServer;

/**
 * Sets what {@link ServerConfiguration} and the authenticator bindings do not: command
 * handlers, banner, login limits, observers. Customizers are a multibinder set
 * ({@link KeywayModule#serverCustomizers}); each server built runs them in binding order after
 * the configuration, so a customizer may also change what the configuration set.
 *
 * <pre>{@code
 * KeywayModule.serverCustomizers(binder()).addBinding().toInstance(b -> b
 *         .execHandler(new SystemShell()).banner("Authorized users only\n").maxAuthTries(3));
 * }</pre>
 */
@FunctionalInterface
public interface ServerCustomizer {

    /** Changes the builder of a server about to be built. */
    void customize(SshServer.Builder builder);
}
