package dev.keyway.cli;

import dev.keyway.keys.HostAddress;
import dev.keyway.keys.HostKeyRejection;
import dev.keyway.keys.KnownHostsFile;
import dev.keyway.keys.KnownHostsVerifier;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.ServerHostKey;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * ssh_config(5)'s StrictHostKeyChecking for {@code keyway ssh}, over known_hosts (RFC 4253 §8):
 * <ul>
 * <li>{@code yes} (and {@code ask}, which has no prompt here): only a key known_hosts holds;
 * <li>{@code accept-new}: an unknown key too, recorded in known_hosts;
 * <li>{@code no} (or {@code off}): an unknown key recorded, and a key known_hosts cannot vouch
 * for (it holds another key for the host, or it cannot be read or written) let in "subject to
 * some restrictions", as ssh_config(5) says: a loud warning, and no password and no
 * keyboard-interactive answers for that host (ssh: "disabled to avoid man-in-the-middle
 * attacks"), since a man in the middle would read them in clear. Only publickey can log in,
 * whose signature covers this session's identifier and so cannot be replayed elsewhere
 * (RFC 4252 §7).
 * </ul>
 * A revoked key is refused under every setting. Thread-safe: the network thread verifies,
 * the command's thread asks what happened.
 */
final class HostKeyCheck implements HostKeyVerifier {
    private static final String BAR = "@".repeat(70);

    private final KnownHostsVerifier knownHosts;
    private final boolean letUnvouchedKeysIn;
    private final PrintStream warnings;
    /** Fingerprints of keys let in although known_hosts did not vouch for them. */
    private final Set<String> unvouched = ConcurrentHashMap.newKeySet();
    private volatile HostKeyRejection refused;

    private HostKeyCheck(KnownHostsVerifier knownHosts, boolean letUnvouchedKeysIn, PrintStream warnings) {
        this.knownHosts = knownHosts;
        this.letUnvouchedKeysIn = letUnvouchedKeysIn;
        this.warnings = warnings;
    }

    /** The check {@code -o StrictHostKeyChecking=setting} asks for; warnings go to {@code warnings}. */
    static HostKeyCheck of(String setting, KnownHostsFile file, HostAddress host, PrintStream warnings) {
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "no", "off" -> new HostKeyCheck(KnownHostsVerifier.acceptNew(file, host, false), true, warnings);
            case "accept-new" -> new HostKeyCheck(KnownHostsVerifier.acceptNew(file, host, false), false, warnings);
            default -> new HostKeyCheck(KnownHostsVerifier.strict(file, host), false, warnings);
        };
    }

    @Override
    public boolean verify(ServerHostKey key) {
        if (knownHosts.verify(key)) {
            return true;
        }
        HostKeyRejection rejection = knownHosts.lastRejection().orElseThrow();
        if (!letUnvouchedKeysIn || rejection.reason() == HostKeyRejection.Reason.REVOKED) {
            refused = rejection;
            return false;
        }
        unvouched.add(key.fingerprint());
        warnings.println(TerminalText.lines(warning(rejection)));
        return true;
    }

    /** Whether known_hosts vouched for {@code key}: false for a key let in despite it. */
    boolean vouchedFor(ServerHostKey key) {
        return !unvouched.contains(key.fingerprint());
    }

    /** What ssh would print about the key it refused, if one was refused. */
    Optional<String> refusal() {
        return Optional.ofNullable(refused).map(HostKeyRejection::message);
    }

    private static String warning(HostKeyRejection r) {
        boolean changed = r.reason() == HostKeyRejection.Reason.CHANGED;
        String title = changed ? "WARNING: THE HOST KEY IS NOT THE ONE KNOWN_HOSTS HOLDS!"
                : "WARNING: THE HOST KEY COULD NOT BE CHECKED!";
        StringBuilder b = new StringBuilder()
                .append(BAR).append('\n')
                .append(String.format("@ %-" + (BAR.length() - 4) + "s @", title)).append('\n')
                .append(BAR).append('\n');
        if (changed) {
            b.append("The ").append(r.keyType()).append(" key ").append(r.host()).append(" sent is not the one in ")
                    .append(r.knownHosts()).append(" (line ")
                    .append(r.offendingLines().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(").\nSomeone may be intercepting this connection (a man in the middle),"
                            + " or the host key was replaced.\n");
        } else {
            b.append("Cannot use ").append(r.knownHosts()).append(": ").append(r.detail()).append('\n');
        }
        b.append("The key's fingerprint is ").append(r.fingerprint()).append(".\n");
        if (changed) {
            b.append("If the new key is right, remove the old one: ssh-keygen -R '").append(r.host()).append("' -f ")
                    .append(r.knownHosts()).append('\n');
        }
        return b.append("StrictHostKeyChecking=no: connecting anyway, offering only what a man in the middle"
                        + " cannot reuse.\n")
                .append("Password authentication is disabled to avoid man-in-the-middle attacks.\n")
                .append("Keyboard-interactive authentication is disabled to avoid man-in-the-middle attacks.")
                .toString();
    }
}
