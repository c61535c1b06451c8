package dev.keyway.net;

/**
 * How many connections a listener keeps that have not finished their handshake (for SSH: not
 * yet logged in), sshd's {@code MaxStartups start:rate:full} and {@code PerSourceMaxStartups}.
 *
 * <p>Below {@code start} every connection is taken. From {@code start} on, a new one makes
 * the listener shed with a probability that grows linearly from {@code rate}% to 100% at
 * {@code full}, as sshd does; a source that has {@code perSource} such connections sheds on
 * every new one. Where sshd then drops the newcomer at random, Keyway sheds the waiting
 * connection that has been silent longest, as long as one has been silent for a while: the
 * connections an attacker opens and leaves mute go first, and a real client, which answers
 * within milliseconds, gets in. Only when every waiting connection is busy is the newcomer
 * refused (closed at once, as sshd does).
 *
 * @param start connections without a finished handshake taken unconditionally
 * @param rate the shedding probability, in percent, at {@code start}
 * @param full the most such connections; from there on every new one sheds
 * @param perSource the most such connections from one address
 */
public record StartupLimits(int start, int rate, int full, int perSource) {

    public StartupLimits {
        if (start < 1 || full < start || rate < 0 || rate > 100 || perSource < 1) {
            throw new IllegalArgumentException("need 1 <= start <= full, 0 <= rate <= 100, perSource >= 1");
        }
    }

    /** sshd's defaults, 10:30:100, and no per-source cap. */
    public static StartupLimits defaults() {
        return new StartupLimits(10, 30, 100, Integer.MAX_VALUE);
    }

    /**
     * Parses sshd_config's {@code MaxStartups} value, {@code start:rate:full} or a single
     * number (which sshd reads as start and full, never shedding below it).
     */
    public static StartupLimits parse(String maxStartups, int perSource) {
        String[] parts = maxStartups.trim().split(":");
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0]);
                return new StartupLimits(n, 100, n, perSource);
            }
            if (parts.length == 3) {
                return new StartupLimits(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]), perSource);
            }
        } catch (NumberFormatException e) {
            // Reported below with the whole value.
        }
        throw new IllegalArgumentException("MaxStartups takes start:rate:full or a number, not " + maxStartups);
    }

    /**
     * The chance, in percent, that a new connection makes the listener shed when
     * {@code waiting} connections have not finished their handshake.
     */
    int shedPercent(int waiting) {
        if (waiting < start) {
            return 0;
        }
        if (waiting >= full) {
            return 100;
        }
        return rate + (100 - rate) * (waiting - start) / (full - start);
    }
}
