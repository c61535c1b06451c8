package dev.keyway.integration.load;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Keyway's server log (System.Logger, which is java.util.logging here) to warnings while
 * a load test runs: sshd-style lines for every accepted and ended connection would be tens of
 * thousands of lines of CI output. The level is put back on close.
 */
final class QuietServerLog implements AutoCloseable {
    /** Held strongly: java.util.logging keeps loggers only weakly, and would forget the level. */
    private final Logger keyway = Logger.getLogger("dev.keyway");
    private final Level before = keyway.getLevel();

    QuietServerLog() {
        keyway.setLevel(Level.WARNING);
    }

    @Override
    public void close() {
        keyway.setLevel(before);
    }
}
