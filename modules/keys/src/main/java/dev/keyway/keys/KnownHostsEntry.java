package dev.keyway.keys;

import dev.keyway.keys.internal.HashedHostName;
import dev.keyway.keys.internal.HostPatternList;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
 * {@code [marker] hostnames keytype base64-key [comment]}.
 *
 * <p>{@code hosts} is either a comma-separated list of patterns ({@code host},
 * {@code [host]:port}, wildcards {@code *} and {@code ?}, negation {@code !}) or one hashed name
 * {@code |1|salt|hash} (ssh-keygen(1) {@code -H}).
 *
 * @param marker {@link KnownHostsMarker#NONE} for an ordinary host key
 * @param hosts the host field as written
 * @param key the key and the line's comment
 */
public record KnownHostsEntry(KnownHostsMarker marker, String hosts, OpenSshPublicKey key) {

    public KnownHostsEntry {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(key, "key");
        Optional<String> problem = hostsProblem(hosts);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /**
     * Parses a line that is neither blank nor a comment.
     *
     * @throws LineFormatException when it is not of the documented form
     */
    public static KnownHostsEntry parse(String line) throws LineFormatException {
        LineFields.requireOneLine(line);
        LineFields fields = new LineFields(line);
        String first = fields.next();
        if (first == null) {
            throw new LineFormatException("empty line");
        }
        KnownHostsMarker marker = KnownHostsMarker.NONE;
        String hosts = first;
        if (first.startsWith("@")) {
            marker = KnownHostsMarker.byText(first)
                    .orElseThrow(() -> new LineFormatException("unknown marker " + first));
            hosts = fields.next();
        }
        String type = fields.next();
        String base64 = fields.next();
        if (hosts == null || type == null || base64 == null) {
            throw new LineFormatException("expected \"[marker] hostnames keytype base64-key [comment]\"");
        }
        Optional<String> problem = hostsProblem(hosts);
        if (problem.isPresent()) {
            throw new LineFormatException(problem.get());
        }
        return new KnownHostsEntry(marker, hosts, OpenSshPublicKey.fromFields(type, base64, fields.rest()));
    }

    private static Optional<String> hostsProblem(String hosts) {
        if (hosts == null || hosts.isEmpty()) {
            return Optional.of("no host names");
        }
        if (hosts.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            return Optional.of("blanks inside the host names");
        }
        if (hosts.startsWith("|") && HashedHostName.parse(hosts).isEmpty()) {
            return Optional.of("malformed hashed host name (expected |1|salt|hash)");
        }
        if (hosts.startsWith("@") || hosts.startsWith("#")) {
            return Optional.of("host names may not start with " + hosts.charAt(0));
        }
        return Optional.empty();
    }

    /** Whether the host field is a hashed name. */
    public boolean isHashed() {
        return hosts.startsWith(HashedHostName.MAGIC);
    }

    /** Whether the line is about {@code address} (its {@link HostAddress#knownHostsName()}). */
    public boolean matches(HostAddress address) {
        String name = address.knownHostsName();
        if (isHashed()) {
            return HashedHostName.parse(hosts).map(h -> h.matches(name)).orElse(false);
        }
        return HostPatternList.matches(hosts, name);
    }

    /** The line as OpenSSH writes it, single spaces between the fields. */
    public String toLine() {
        String body = hosts + " " + key.toLine();
        return marker == KnownHostsMarker.NONE ? body : marker.text() + " " + body;
    }
}
