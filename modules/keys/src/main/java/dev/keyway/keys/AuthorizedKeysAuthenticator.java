package dev.keyway.keys;

import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.keys.PublicKeyBlob;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code publickey} check (RFC 4252 §7) of an {@code authorized_keys} file, as sshd(8)
 * makes it: the first line whose key is the client's and whose {@code from=} and
 * {@code expiry-time=} allow this client now gives what the login may do; a line with the
 * right key that does not allow it is passed over for the lines after it. Lines that did not
 * parse ({@link AuthorizedKeys#problems()}) never count.
 *
 * <p>The file's keys are taken for any user name; a server with a file per user keeps one
 * authenticator per user, as sshd's {@code AuthorizedKeysFile} with {@code %u}. The time comes
 * from the clock (the system's unless given), and its zone is the server's for expiry times
 * without {@code Z}. {@code environment=} is left out of the restrictions unless
 * {@link #permitUserEnvironment(boolean)} allows it, as sshd_config's PermitUserEnvironment
 * (off by default): a variable such as {@code LD_PRELOAD} changes what every command does.
 *
 * <p>Immutable, so it is safe on the server's authentication threads.
 */
public final class AuthorizedKeysAuthenticator implements PublicKeyAuthenticator {
    private final AuthorizedKeys keys;
    private final Clock clock;
    private final boolean permitUserEnvironment;

    private AuthorizedKeysAuthenticator(AuthorizedKeys keys, Clock clock, boolean permitUserEnvironment) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.permitUserEnvironment = permitUserEnvironment;
    }

    /** The keys of a file, on the system clock in the system's time zone; environment= off. */
    public static AuthorizedKeysAuthenticator of(AuthorizedKeys keys) {
        return of(keys, Clock.systemDefaultZone());
    }

    /** The keys of a file, on {@code clock}, whose zone reads local expiry times; environment= off. */
    public static AuthorizedKeysAuthenticator of(AuthorizedKeys keys, Clock clock) {
        return new AuthorizedKeysAuthenticator(keys, clock, false);
    }

    /** The same keys, with {@code environment=} passed on to the session or not (PermitUserEnvironment). */
    public AuthorizedKeysAuthenticator permitUserEnvironment(boolean permit) {
        return new AuthorizedKeysAuthenticator(keys, clock, permit);
    }

    /** Without the client's address, only a line without {@code from=} can take the key. */
    @Override
    public boolean isAuthorized(String userName, PublicKey key) {
        return authorize(userName, key, null).isPresent();
    }

    @Override
    public Optional<LoginRestrictions> authorize(String userName, PublicKey key, InetSocketAddress client) {
        byte[] blob;
        try {
            blob = PublicKeyBlob.encode(key);
        } catch (IllegalArgumentException unknownType) {
            return Optional.empty(); // no line can hold a key Keyway cannot even encode
        }
        InetAddress address = client == null ? null : client.getAddress();
        Instant now = clock.instant();
        for (AuthorizedKey line : keys.keys()) {
            if (line.key().sameKey(blob) && line.options().allows(address, now, clock.getZone())) {
                return Optional.of(permitted(line.options().restrictions()));
            }
        }
        return Optional.empty();
    }

    private LoginRestrictions permitted(LoginRestrictions r) {
        return permitUserEnvironment ? r : new LoginRestrictions(r.forcedCommand(), r.pty(), r.portForwarding(),
                r.agentForwarding(), r.x11Forwarding(), Map.of(), r.permitOpen(), r.permitListen());
    }
}
