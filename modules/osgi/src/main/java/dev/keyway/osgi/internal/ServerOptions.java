package dev.keyway.osgi.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The server component's settings. Each is looked up by one key, in the component's
 * configuration first (Configuration Admin's PID {@code dev.keyway.server}, when Configuration
 * Admin runs and holds one), then among the framework properties (a launcher's
 * {@code config.properties}, or the system properties), then its default.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>key</th><th>value</th><th>default</th></tr>
 * <tr><td>{@code keyway.server.port}</td><td>the TCP port to listen on</td><td>none: no server</td></tr>
 * <tr><td>{@code keyway.server.address}</td><td>the address to listen on</td><td>127.0.0.1</td></tr>
 * <tr><td>{@code keyway.server.hostKeys}</td><td>OpenSSH private host key files, comma-separated</td>
 *     <td>an ed25519 key made once in the bundle's data area</td></tr>
 * <tr><td>{@code keyway.server.authorizedKeys}</td><td>an {@code authorized_keys} file, for any user</td><td>none</td></tr>
 * <tr><td>{@code keyway.server.passwordFile}</td><td>{@code USER:PASSWORD} lines, owner-only</td><td>none</td></tr>
 * <tr><td>{@code keyway.server.allowPluggedAuthMethods}</td><td>{@code true}: user authentication methods follow
 *     the provider services too</td><td>{@code false}</td></tr>
 * </table>
 */
final class ServerOptions {
    static final String PORT = "keyway.server.port";
    static final String ADDRESS = "keyway.server.address";
    static final String HOST_KEYS = "keyway.server.hostKeys";
    static final String AUTHORIZED_KEYS = "keyway.server.authorizedKeys";
    static final String PASSWORD_FILE = "keyway.server.passwordFile";
    static final String ALLOW_PLUGGED_AUTH_METHODS = "keyway.server.allowPluggedAuthMethods";

    private final Map<String, ?> configuration;
    private final UnaryOperator<String> frameworkProperty;

    ServerOptions(Map<String, ?> configuration, UnaryOperator<String> frameworkProperty) {
        this.configuration = configuration;
        this.frameworkProperty = frameworkProperty;
    }

    /** The port, or empty when none is configured and the component is to run no server. */
    Optional<Integer> port() {
        return value(PORT).map(p -> {
            try {
                return Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PORT + " is not a port number: " + p);
            }
        });
    }

    String address() {
        return value(ADDRESS).orElse("127.0.0.1");
    }

    List<Path> hostKeys() {
        return value(HOST_KEYS).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    Optional<Path> authorizedKeys() {
        return value(AUTHORIZED_KEYS).map(Path::of);
    }

    Optional<Path> passwordFile() {
        return value(PASSWORD_FILE).map(Path::of);
    }

    boolean allowPluggedAuthMethods() {
        return value(ALLOW_PLUGGED_AUTH_METHODS).map(Boolean::parseBoolean).orElse(false);
    }

    /** Configuration Admin may give numbers and booleans as such; framework properties are text. */
    private Optional<String> value(String key) {
        Object configured = configuration.get(key);
        String text = configured != null ? configured.toString() : frameworkProperty.apply(key);
        return Optional.ofNullable(text).map(String::trim).filter(s -> !s.isEmpty());
    }
}
