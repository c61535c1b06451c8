package dev.keyway.guice;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a server reads from the application's configuration: where it listens (sshd_config's
 * {@code ListenAddress} and {@code Port}) and its host key files ({@code HostKey}, OpenSSH's
 * unencrypted {@code openssh-key-v1} format, one per key type; RFC 4253 §8). Bind one for
 * {@link KeywayModule} to build servers:
 *
 * <pre>{@code
 * bind(ServerConfiguration.class).toInstance(new ServerConfiguration(
 *         new InetSocketAddress("0.0.0.0", 2222), List.of(Path.of("/etc/myapp/ssh_host_ed25519_key"))));
 * }</pre>
 *
 * Everything else a server can be told (handlers, banner, limits) goes through a
 * {@link ServerCustomizer}.
 *
 * @param bindAddress the address and port to listen on; port 0 takes a free one
 * @param hostKeyFiles the private host key files, read each time a server is built
 */
public record ServerConfiguration(InetSocketAddress bindAddress, List<Path> hostKeyFiles) {

    public ServerConfiguration {
        Objects.requireNonNull(bindAddress, "bindAddress");
        hostKeyFiles = List.copyOf(hostKeyFiles);
        if (hostKeyFiles.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one host key file");
        }
    }
}
