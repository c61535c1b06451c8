package dev.keyway.cli;

import dev.keyway.net.StartupLimits;
import dev.keyway.ssh.SourcePenalties;
import dev.keyway.ssh.SshServer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The resource limits of sshd_config(5) that {@code keyway server -o} takes, with sshd's
 * meanings: MaxStartups, PerSourceMaxStartups, MaxSessions, ClientAliveInterval,
 * ClientAliveCountMax, RekeyLimit (the volume) and PerSourcePenalties ({@code yes} or
 * {@code no}).
 */
final class LimitOptions {
    static final Set<String> NAMES = Set.of("maxstartups", "persourcemaxstartups", "maxsessions",
            "clientaliveinterval", "clientalivecountmax", "rekeylimit", "persourcepenalties");

    private LimitOptions() {
    }

    static void apply(List<String> options, SshServer.Builder server) {
        int perSource = OpenSshOptions.value(options, "PerSourceMaxStartups")
                .map(v -> v.equalsIgnoreCase("none") ? Integer.MAX_VALUE : Integer.parseInt(v)).orElse(Integer.MAX_VALUE);
        String maxStartups = OpenSshOptions.value(options, "MaxStartups").orElse(null);
        if (maxStartups != null || perSource != Integer.MAX_VALUE) {
            StartupLimits d = StartupLimits.defaults();
            server.maxStartups(maxStartups != null ? StartupLimits.parse(maxStartups, perSource)
                    : new StartupLimits(d.start(), d.rate(), d.full(), perSource));
        }
        OpenSshOptions.value(options, "MaxSessions").ifPresent(v -> server.maxSessions(Integer.parseInt(v)));
        Duration alive = OpenSshOptions.value(options, "ClientAliveInterval").map(LoginOptions::duration)
                .orElse(Duration.ZERO);
        int count = OpenSshOptions.value(options, "ClientAliveCountMax").map(Integer::parseInt).orElse(3);
        server.clientAlive(alive, count);
        OpenSshOptions.value(options, "RekeyLimit").ifPresent(v -> server.rekeyAfterBytes(bytes(v.split("\\s+")[0])));
        OpenSshOptions.value(options, "PerSourcePenalties").ifPresent(v -> {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "yes" -> server.perSourcePenalties(SourcePenalties.defaults());
                case "no" -> server.perSourcePenalties(SourcePenalties.none());
                default -> throw new IllegalArgumentException("PerSourcePenalties takes yes or no here, not " + v);
            }
        });
    }

    /** sshd_config's sizes: a number of bytes, or one with K, M or G after it. */
    static long bytes(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) {
            return Long.parseLong(v);
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 'K' -> n << 10;
            case 'M' -> n << 20;
            case 'G' -> n << 30;
            default -> throw new IllegalArgumentException("not a size: " + value);
        };
    }
}
