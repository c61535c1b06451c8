package dev.keyway.net;

import java.time.Duration;
import java.util.Objects;

/**
 * The time bounds of a connection.
 *
 * @param handshake from TCP connect until the engine is established (connect included, for a
 *        client)
 * @param idle how long the peer may stay silent once established; {@link Duration#ZERO} for
 *        no limit
 * @param linger how long a finished connection may take to flush its last bytes before it is
 *        closed anyway, so a peer that stops reading cannot hold it open
 */
public record ConnectionLimits(Duration handshake, Duration idle, Duration linger) {

    public ConnectionLimits {
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(linger, "linger");
        if (handshake.isZero() || handshake.isNegative() || idle.isNegative() || linger.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive (idle may be zero: none)");
        }
    }

    /** 120 s to complete the handshake (OpenSSH's LoginGraceTime), no idle limit, 5 s linger. */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(120), Duration.ZERO, Duration.ofSeconds(5));
    }
}
