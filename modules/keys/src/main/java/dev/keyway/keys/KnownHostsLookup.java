package dev.keyway.keys;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link KnownHosts#lookup}: the status and the lines it rests on (the matching
 * line, the lines holding the other key, or the {@code @revoked} line; none for UNKNOWN).
 *
 * @param status the verdict
 * @param lines the lines behind it, in file order
 */
public record KnownHostsLookup(HostKeyStatus status, List<KnownHostsLine> lines) {
    public KnownHostsLookup {
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }
}
