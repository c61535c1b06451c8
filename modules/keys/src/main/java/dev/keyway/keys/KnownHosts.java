package dev.keyway.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed contents of a known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"). Blank
 * lines and lines starting with {@code #} are ignored; a malformed line becomes a
 * {@link LineProblem} and the rest of the file is still used. {@code @cert-authority} lines are
 * kept but never match, and are reported as a problem because they are not supported yet.
 *
 * @param lines the entries with their line numbers
 * @param problems the lines skipped or not supported
 */
public record KnownHosts(List<KnownHostsLine> lines, List<LineProblem> problems) {

    public KnownHosts {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /** A file with no entries. */
    public static KnownHosts empty() {
        return new KnownHosts(List.of(), List.of());
    }

    /** Parses the text of a file. */
    public static KnownHosts parse(String text) {
        List<KnownHostsLine> lines = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        ContentLines.parse(text, (number, line) -> {
            KnownHostsEntry entry = KnownHostsEntry.parse(line);
            if (entry.marker() == KnownHostsMarker.CERT_AUTHORITY) {
                problems.add(new LineProblem(number, "@cert-authority ignored: host certificates are not"
                        + " supported yet"));
            }
            return new KnownHostsLine(number, entry);
        }, lines, problems);
        return new KnownHosts(lines, problems);
    }

    /**
     * What the file says about {@code blob}, a key of type {@code keyType}, offered by
     * {@code host}. A revoked key wins over everything; then a line holding the key; then
     * lines holding another key of the same type; otherwise the key is unknown. Lines of
     * other types do not count: a host may have one key of each type.
     */
    public KnownHostsLookup lookup(HostAddress host, String keyType, byte[] blob) {
        List<KnownHostsLine> revoked = new ArrayList<>();
        List<KnownHostsLine> matching = new ArrayList<>();
        List<KnownHostsLine> others = new ArrayList<>();
        for (KnownHostsLine line : lines) {
            KnownHostsEntry entry = line.entry();
            if (entry.marker() == KnownHostsMarker.CERT_AUTHORITY || !entry.matches(host)) {
                continue;
            }
            boolean sameKey = entry.key().sameKey(blob);
            if (entry.marker() == KnownHostsMarker.REVOKED) {
                if (sameKey) {
                    revoked.add(line);
                }
            } else if (sameKey) {
                matching.add(line);
            } else if (entry.key().keyType().equals(keyType)) {
                others.add(line);
            }
        }
        if (!revoked.isEmpty()) {
            return new KnownHostsLookup(HostKeyStatus.REVOKED, revoked);
        }
        if (!matching.isEmpty()) {
            return new KnownHostsLookup(HostKeyStatus.MATCH, matching);
        }
        if (!others.isEmpty()) {
            return new KnownHostsLookup(HostKeyStatus.MISMATCH, others);
        }
        return new KnownHostsLookup(HostKeyStatus.UNKNOWN, List.of());
    }
}
