package dev.keyway.keys;

import java.util.Locale;
import java.util.Objects;

/**
 * The server a host key is checked for: a host name or address as the user gave it, and a
 * TCP port.
 *
 * @param host a name or an IP address (IPv6 without brackets)
 * @param port 1 to 65535
 */
public record HostAddress(String host, int port) {
    /** The SSH port (RFC 4253 §4.1), for which known_hosts names carry no port. */
    public static final int DEFAULT_PORT = 22;

    public HostAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '#')) {
            throw new IllegalArgumentException("not a host name: \"" + host + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The host on the SSH port. */
    public static HostAddress of(String host) {
        return new HostAddress(host, DEFAULT_PORT);
    }

    /**
     * The name ssh(1) looks up and records in known_hosts: the lower-case host, or
     * {@code [host]:port} for another port than 22 (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT").
     */
    public String knownHostsName() {
        return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return knownHostsName();
    }
}
