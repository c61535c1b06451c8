package dev.keyway.guice;

import dev.keyway.ssh.SshClient;

/**
 * Sets what the bindings of {@link KeywayModule} do not for a client: timeout, keep-alive,
 * environment, banner handler, observers. A multibinder set
 * ({@link KeywayModule#clientCustomizers}), run in binding order on each client built.
 */
@FunctionalInterface
public interface ClientCustomizer {

    /** Changes the builder of a client about to be built. */
    void customize(SshClient.Builder builder);
}
