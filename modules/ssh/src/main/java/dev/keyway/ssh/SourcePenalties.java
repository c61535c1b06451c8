package dev.keyway.ssh;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * sshd's {@code PerSourcePenalties}: a client address that keeps failing to log in, or lets
 * the login grace time run out, accrues penalty time, and once it has accrued at least
 * {@link #minimum}, new connections from it are refused at once until the penalty has run
 * out. Each connection that ended with failed attempts and no login adds
 * {@link #authenticationFailure}, each that hit the grace time adds {@link #graceExceeded};
 * a penalty never reaches beyond {@link #maximum}. At most {@link #maxSources} addresses are
 * remembered (the oldest are forgotten first), so a spread of sources costs bounded memory.
 * Thread-safe.
 *
 * @param authenticationFailure added for a connection whose attempts all failed (sshd: 5 s)
 * @param graceExceeded added for a connection that did not log in in time (sshd: 10 s)
 * @param minimum the penalty at which refusing starts (sshd: 15 s)
 * @param maximum the longest penalty (sshd: 10 min)
 * @param maxSources the most addresses remembered (sshd: 65536)
 */
public record SourcePenalties(Duration authenticationFailure, Duration graceExceeded, Duration minimum,
        Duration maximum, int maxSources) {

    /** sshd's defaults. */
    public static SourcePenalties defaults() {
        return new SourcePenalties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofMinutes(10), 65_536);
    }

    /** No penalties (sshd's {@code PerSourcePenalties no}). */
    public static SourcePenalties none() {
        return new SourcePenalties(Duration.ZERO, Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1), 1);
    }

    public SourcePenalties {
        Objects.requireNonNull(authenticationFailure, "authenticationFailure");
        Objects.requireNonNull(graceExceeded, "graceExceeded");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (authenticationFailure.isNegative() || graceExceeded.isNegative() || minimum.isNegative()
                || maximum.compareTo(minimum) < 0 || maxSources < 1) {
            throw new IllegalArgumentException("penalties must be non-negative, maximum >= minimum, maxSources >= 1");
        }
    }

    /** The running table of one server, on the monotonic clock. */
    public Table table() {
        return new Table(this, System::nanoTime);
    }

    /** One server's penalised sources. */
    public static final class Table {
        private final SourcePenalties settings;
        private final LongSupplier clock;
        /** Per address: its penalty; oldest entries first. */
        private final Map<InetAddress, Penalty> until = new LinkedHashMap<>();

        Table(SourcePenalties settings, LongSupplier clock) {
            this.settings = settings;
            this.clock = clock;
        }

        /** Whether a new connection from {@code source} may go on. */
        public synchronized boolean admits(InetAddress source) {
            Penalty p = until.get(source);
            if (p == null) {
                return true;
            }
            if (p.end() - clock.getAsLong() <= 0) {
                until.remove(source);
                return true;
            }
            return p.accrued() < settings.minimum.toNanos();
        }

        /**
         * A connection from {@code source} ended with failed attempts and no login.
         *
         * @return the penalty the source has now, for the log; zero when penalties are off
         */
        public Duration authenticationFailed(InetSocketAddress source) {
            return penalise(source, settings.authenticationFailure);
        }

        /**
         * A connection from {@code source} did not log in within the grace time.
         *
         * @return the penalty the source has now, for the log; zero when penalties are off
         */
        public Duration loginGraceExceeded(InetSocketAddress source) {
            return penalise(source, settings.graceExceeded);
        }

        private synchronized Duration penalise(InetSocketAddress source, Duration penalty) {
            if (source == null || penalty.isZero()) {
                return Duration.ZERO;
            }
            long now = clock.getAsLong();
            Penalty old = until.remove(source.getAddress());
            boolean running = old != null && old.end() - now > 0;
            long from = running ? old.end() : now;
            long left = Math.min(from - now + penalty.toNanos(), settings.maximum.toNanos());
            // Enforcement starts once the penalty accrued (not yet run out) reaches the minimum.
            long accrued = (running ? old.accrued() : 0) + penalty.toNanos();
            until.put(source.getAddress(), new Penalty(now + left, accrued));
            for (Iterator<Penalty> oldest = until.values().iterator(); until.size() > settings.maxSources; ) {
                oldest.next();
                oldest.remove();
            }
            return Duration.ofNanos(left);
        }

        /** When a source's penalty runs out, on the clock, and how much it has accrued so far. */
        private record Penalty(long end, long accrued) {
        }
    }
}
