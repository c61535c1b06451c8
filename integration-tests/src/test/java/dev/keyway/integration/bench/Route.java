package dev.keyway.integration.bench;

/** A client against a server: one cell of a row of the results. */
record Route(BenchClient client, Target target) {
    @Override
    public String toString() {
        return client.name() + " -> " + target.name();
    }
}
