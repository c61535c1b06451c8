package dev.keyway.keys;

import dev.keyway.api.auth.LoginRestrictions;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The options of an {@code authorized_keys} line (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"), read:
 * when the key may be used and what a login with it may do.
 *
 * <ul>
 * <li>{@code from="pattern-list"}: only from a client address the patterns allow
 *     ({@link AddressPatterns}); {@code expiry-time="timespec"}: only until then
 *     ({@link ExpiryTime}).
 * <li>{@code command="…"}, {@code environment="NAME=value"}, {@code permitopen="host:port"},
 *     {@code permitlisten="[host:]port"}, and the flags {@code no-pty}, {@code no-port-forwarding},
 *     {@code no-agent-forwarding}, {@code no-X11-forwarding}, {@code restrict} (all four off) and
 *     their positive forms ({@code pty}, … which undo an earlier {@code restrict}): the
 *     {@link LoginRestrictions} the session enforces.
 * <li>{@code no-user-rc} and {@code user-rc} are taken and mean nothing more: Keyway runs no
 *     {@code ~/.ssh/rc}, so a key never gets one run.
 * </ul>
 *
 * <p>{@code cert-authority}, {@code principals=}, {@code tunnel=}, {@code [no-]touch-required},
 * {@code [no-]verify-required} and any unknown option make {@link #parse} fail, so that the
 * line is skipped rather than used without a restriction it asks for.
 *
 * @param restrictions what a login with the key may do
 * @param from the patterns the client's address must match, or null when any client may use
 *        the key
 * @param expiryTimes the {@code expiry-time=} values in the order written (sshd takes the
 *        earliest): the key is refused once any of them is past
 */
public record AuthorizedKeyOptions(LoginRestrictions restrictions, AddressPatterns from, List<ExpiryTime> expiryTimes) {
    /** A line without options. */
    public static final AuthorizedKeyOptions NONE = new AuthorizedKeyOptions(LoginRestrictions.NONE, null, List.of());

    public AuthorizedKeyOptions {
        Objects.requireNonNull(restrictions, "restrictions");
        expiryTimes = List.copyOf(expiryTimes);
    }

    /**
     * Reads the options field of a line: everything before the key type, e.g.
     * {@code restrict,pty,command="nethack"}.
     *
     * @throws LineFormatException for an option that is malformed, unknown or not supported
     *         yet; the message names the option, never its value
     */
    public static AuthorizedKeyOptions parse(String text) throws LineFormatException {
        return KeyOptionsParser.parse(text);
    }

    /**
     * Whether a client at {@code client} may use the key at {@code now}: sshd's checks of
     * {@code from=} and {@code expiry-time=} once the key matched ({@code auth_authorise_keyopts}).
     *
     * @param client the client's IP address, or null when it is not known: then a line with
     *        {@code from=} does not allow
     * @param zone the server's time zone, in which an expiry time without {@code Z} is read
     */
    public boolean allows(InetAddress client, Instant now, ZoneId zone) {
        boolean fromAllowed = from == null || client != null && from.matches(client);
        return fromAllowed && expiryTimes.stream().allMatch(t -> t.allows(now, zone));
    }

    /**
     * The options as an {@code authorized_keys} line writes them, which {@link #parse} reads
     * back as these; empty when there are none. It holds the forced command and the values of
     * {@code environment=}, so it is for files, not for logs.
     */
    public String toText() {
        List<String> options = new ArrayList<>();
        LoginRestrictions r = restrictions;
        flag(options, r.pty(), "no-pty");
        flag(options, r.portForwarding(), "no-port-forwarding");
        flag(options, r.agentForwarding(), "no-agent-forwarding");
        flag(options, r.x11Forwarding(), "no-X11-forwarding");
        r.command().ifPresent(c -> options.add("command=" + KeyOptionsParser.quote(c)));
        new TreeMap<>(r.environment()).forEach((name, value) ->
                options.add("environment=" + KeyOptionsParser.quote(name + "=" + value)));
        if (from != null) {
            options.add("from=" + KeyOptionsParser.quote(from.toString()));
        }
        expiryTimes.forEach(t -> options.add("expiry-time=" + KeyOptionsParser.quote(t.toString())));
        r.permitOpen().forEach(p -> options.add("permitopen=" + KeyOptionsParser.quote(p)));
        r.permitListen().forEach(p -> options.add("permitlisten=" + KeyOptionsParser.quote(p)));
        return String.join(",", options);
    }

    private static void flag(List<String> options, boolean allowed, String refusal) {
        if (!allowed) {
            options.add(refusal);
        }
    }
}
