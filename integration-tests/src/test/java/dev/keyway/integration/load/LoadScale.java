package dev.keyway.integration.load;

/**
 * How big the load tests run. By default they run at the size CI can afford on two cores (the
 * whole suite must stay well under 15 minutes); with {@code -Dkeyway.soak=true} they run the
 * full counts, for a soak on a quiet machine. docs/load.md gives both commands and the figures
 * each produced.
 */
final class LoadScale {
    /** The system property that selects the full counts. */
    static final String SOAK_PROPERTY = "keyway.soak";

    private LoadScale() {
    }

    static boolean soak() {
        return Boolean.getBoolean(SOAK_PROPERTY);
    }

    /** {@code full} under soak, else {@code ci}. */
    static int pick(int ci, int full) {
        return soak() ? full : ci;
    }

    /** {@code full} under soak, else {@code ci}. */
    static long pick(long ci, long full) {
        return soak() ? full : ci;
    }
}
