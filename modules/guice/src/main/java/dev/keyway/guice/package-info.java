/**
 * Keyway for Guice 7 ({@code jakarta.inject}): install {@link dev.keyway.guice.KeywayModule},
 * bind a {@link dev.keyway.guice.ServerConfiguration} and the authenticators, and get an
 * {@link dev.keyway.ssh.SshServer} or an {@link dev.keyway.ssh.SshClient} from the injector.
 * Algorithm providers are a {@code Multibinder<AlgorithmProvider>} set; the algorithm policy,
 * the provider order and the client's host key verifier are {@code OptionalBinder} defaults.
 */
package dev.keyway.guice;
