package dev.keyway.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A listener's connections whose handshake has not finished, and the decision, for each new
 * connection, to take it, to shed a silent one for it, or to refuse it ({@link StartupLimits}).
 * Loop thread only.
 */
final class Startups {
    /**
     * A waiting connection is shed for a newcomer only once it has been silent this long: a
     * real client answers each of our messages within a round trip.
     */
    static final long SILENT_NANOS = 250_000_000L;

    private final StartupLimits limits;
    private final RandomGenerator random;
    private final Set<Connection> waiting = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> bySource = new HashMap<>();

    Startups(StartupLimits limits, RandomGenerator random) {
        this.limits = limits;
        this.random = random;
    }

    /** What to do with a new connection. */
    sealed interface Decision {
        record Take() implements Decision {
        }

        /** Take the newcomer after shedding this waiting connection. */
        record Shed(Connection victim) implements Decision {
        }

        record Refuse() implements Decision {
        }
    }

    Decision admit(InetAddress source, long nowNanos) {
        if (bySource.getOrDefault(source, 0) >= limits.perSource()) {
            return shedOrRefuse(source, nowNanos);
        }
        int percent = limits.shedPercent(waiting.size());
        if (percent > 0 && random.nextInt(100) < percent) {
            return shedOrRefuse(null, nowNanos);
        }
        return new Decision.Take();
    }

    /** The waiting connection silent longest (from {@code source} only, if given), if silent enough. */
    private Decision shedOrRefuse(InetAddress source, long nowNanos) {
        Connection quietest = null;
        for (Connection c : waiting) {
            if ((source == null || source.equals(c.sourceAddress()))
                    && (quietest == null || c.lastInputNanos() - quietest.lastInputNanos() < 0)) {
                quietest = c;
            }
        }
        if (quietest != null && nowNanos - quietest.lastInputNanos() >= SILENT_NANOS) {
            return new Decision.Shed(quietest);
        }
        return new Decision.Refuse();
    }

    void add(Connection c) {
        if (waiting.add(c)) {
            bySource.merge(c.sourceAddress(), 1, Integer::sum);
        }
    }

    /** The connection finished its handshake or closed. */
    void remove(Connection c) {
        if (waiting.remove(c)) {
            bySource.computeIfPresent(c.sourceAddress(), (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    int size() {
        return waiting.size();
    }
}
