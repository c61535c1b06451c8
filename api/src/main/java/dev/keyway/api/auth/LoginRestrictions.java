package dev.keyway.api.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a login may do once it has succeeded: the options of an {@code authorized_keys} line
 * (sshd(8) "AUTHORIZED_KEYS FILE FORMAT") as the session applies them. Each field is a rule
 * the server enforces, never advice: a session that cannot apply a restriction refuses what it
 * restricts (fail closed).
 *
 * @param forcedCommand the command run instead of whatever the client asks for ({@code exec},
 *        {@code shell} or {@code subsystem}); the client's own goes into
 *        {@code SSH_ORIGINAL_COMMAND}; null when none is forced
 * @param pty whether a {@code pty-req} (RFC 4254 §6.2) may be granted
 * @param portForwarding whether TCP/IP forwarding (RFC 4254 §7) may be granted
 * @param agentForwarding whether agent forwarding may be granted
 * @param x11Forwarding whether X11 forwarding (RFC 4254 §6.3) may be granted
 * @param environment variables the session sets for every command, over those of the client's
 *        {@code env} requests, from {@code environment="NAME=value"}; an authenticator puts
 *        them here only when its configuration permits it (sshd's PermitUserEnvironment, off by
 *        default) and leaves them out otherwise, and the server sets whatever is here
 * @param permitOpen the {@code host:port} destinations forwarding may reach; empty for no
 *        restriction beyond {@link #portForwarding}
 * @param permitListen the {@code [host:]port} a remote forward may listen on; empty for no
 *        restriction beyond {@link #portForwarding}
 */
public record LoginRestrictions(String forcedCommand, boolean pty, boolean portForwarding, boolean agentForwarding,
        boolean x11Forwarding, Map<String, String> environment, List<String> permitOpen, List<String> permitListen) {

    /** A login restricted in nothing. */
    public static final LoginRestrictions NONE =
            new LoginRestrictions(null, true, true, true, true, Map.of(), List.of(), List.of());

    public LoginRestrictions {
        environment = Map.copyOf(environment);
        permitOpen = List.copyOf(permitOpen);
        permitListen = List.copyOf(permitListen);
    }

    /** The forced command, if any. */
    public Optional<String> command() {
        return Optional.ofNullable(forcedCommand);
    }

    /**
     * Both restrictions at once, for a login made of several methods (RFC 4252 §5.1 partial
     * success): what either forbids stays forbidden, and destinations must be allowed by both.
     *
     * @throws IllegalArgumentException when the two force different commands, which cannot both
     *     hold: sshd refuses such a login, and so does Keyway's user authentication
     */
    public LoginRestrictions and(LoginRestrictions other) {
        Objects.requireNonNull(other, "other");
        if (forcedCommand != null && other.forcedCommand != null && !forcedCommand.equals(other.forcedCommand)) {
            throw new IllegalArgumentException("two methods of one login force different commands");
        }
        Map<String, String> env = new TreeMap<>(other.environment);
        env.putAll(environment);
        List<String> open = both(permitOpen, other.permitOpen);
        List<String> listen = both(permitListen, other.permitListen);
        boolean forwarding = portForwarding && other.portForwarding
                && !(open.isEmpty() && !permitOpen.isEmpty() && !other.permitOpen.isEmpty())
                && !(listen.isEmpty() && !permitListen.isEmpty() && !other.permitListen.isEmpty());
        return new LoginRestrictions(forcedCommand != null ? forcedCommand : other.forcedCommand,
                pty && other.pty, forwarding, agentForwarding && other.agentForwarding,
                x11Forwarding && other.x11Forwarding, env, open, listen);
    }

    /** The destinations two lists both allow; an empty list allows any. */
    private static List<String> both(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        return a.stream().filter(b::contains).toList();
    }

    @Override
    public String toString() {
        // Environment values may be private: names only.
        return "LoginRestrictions[command=" + (forcedCommand != null) + ", pty=" + pty + ", portForwarding="
                + portForwarding + ", agentForwarding=" + agentForwarding + ", x11Forwarding=" + x11Forwarding
                + ", environment=" + environment.keySet() + ", permitOpen=" + permitOpen + ", permitListen="
                + permitListen + "]";
    }
}
