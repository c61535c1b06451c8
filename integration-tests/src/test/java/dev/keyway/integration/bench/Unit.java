package dev.keyway.integration.bench;

/** What a sample measures, and which way is better. */
enum Unit {
    MEGABYTES_PER_SECOND("MB/s", true),
    MILLISECONDS("ms", false),
    CONNECTIONS_PER_SECOND("connections/s", true),
    KIB_PER_SESSION("KiB/session", false);

    private final String label;
    private final boolean higherIsBetter;

    Unit(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    String label() {
        return label;
    }

    boolean higherIsBetter() {
        return higherIsBetter;
    }

    static Unit labelled(String label) {
        for (Unit u : values()) {
            if (u.label.equals(label)) {
                return u;
            }
        }
        throw new IllegalArgumentException("no unit " + label);
    }
}
