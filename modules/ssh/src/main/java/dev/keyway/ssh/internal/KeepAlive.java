package dev.keyway.ssh.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.ConnectionEngine;
import java.time.Duration;

/**
 * OpenSSH's {@code ClientAliveInterval}/{@code ClientAliveCountMax} (server) and
 * {@code ServerAliveInterval}/{@code ServerAliveCountMax} (client): once the peer has been
 * silent for the interval, ask it for a sign of life with a {@code keepalive@openssh.com}
 * global request wanting a reply (RFC 4254 §4: a peer that does not know the name answers
 * REQUEST_FAILURE, which will do); after {@code countMax} unanswered requests the peer is
 * gone and the session ends. Silence includes a peer that stopped reading: its replies never
 * come. Loop thread only.
 *
 * @param interval zero for none
 */
public record KeepAlive(Duration interval, int countMax) {
    static final String REQUEST = "keepalive@openssh.com";

    /** No keepalives, the default of both OpenSSH options. */
    public static final KeepAlive NONE = new KeepAlive(Duration.ZERO, 3);

    public KeepAlive {
        if (interval.isNegative() || countMax < 1) {
            throw new IllegalArgumentException("the keepalive interval cannot be negative, nor the count below 1");
        }
    }

    /**
     * Starts watching a session's connection layer.
     *
     * @param gone told once the peer is given up for gone, just before the session ends (the server logs it)
     */
    Watch watch(SessionDriver driver, ConnectionEngine engine, String who, Runnable gone) {
        Watch w = new Watch(driver, engine, who, gone);
        if (!interval.isZero()) {
            driver.schedule(interval, w::check);
        }
        return w;
    }

    /** One session's keepalive state. */
    final class Watch {
        private final SessionDriver driver;
        private final ConnectionEngine engine;
        private final String who;
        private final Runnable gone;
        private int unanswered;

        Watch(SessionDriver driver, ConnectionEngine engine, String who, Runnable gone) {
            this.driver = driver;
            this.engine = engine;
            this.who = who;
            this.gone = gone;
        }

        /** The peer answered one of our requests: it is alive. */
        void answered() {
            unanswered = 0;
        }

        private void check() throws SshProtocolException {
            long silent = System.nanoTime() - driver.lastInputNanos();
            if (silent < interval.toNanos()) {
                driver.schedule(interval.minusNanos(silent), this::check);
                return;
            }
            if (unanswered >= countMax) {
                gone.run();
                throw new SshProtocolException(DisconnectReason.CONNECTION_LOST,
                        "timeout: the " + who + " did not answer " + countMax + " keepalives");
            }
            unanswered++;
            engine.sendGlobalRequest(REQUEST, true, new byte[0]);
            driver.schedule(interval, this::check);
        }
    }
}
