package dev.keyway.integration.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures routes in turn, round after round (round-robin), so that whatever else the machine
 * does meanwhile falls on every server and client alike. A route with a JVM on it is tried once
 * first, untimed, to warm it up. A route that fails (an algorithm a peer lacks, a bug) is noted
 * with the reason and left out of the rounds that follow instead of failing the run.
 */
final class Rounds {
    /** One timed thing a route does; returns the sample's value. */
    interface Step {
        double measure(Route route) throws Exception;
    }

    private final Samples samples;
    private final int jvm;

    Rounds(Samples samples, int jvm) {
        this.samples = samples;
        this.jvm = jvm;
    }

    /**
     * Tries each route once with {@code tryOut}, then runs {@code rounds} rounds of {@code step}
     * over the routes that worked, each value a sample of {@code measurement}. A route that fails
     * later is noted and dropped from the rounds that follow.
     */
    void run(String measurement, Unit unit, List<Route> routes, int rounds, Step tryOut, Step step) {
        List<Route> working = new ArrayList<>();
        for (Route r : routes) {
            // A program against sshd has nothing to warm up: it starts afresh each time.
            boolean warms = r.client().inThisJvm() || r.target().jvm();
            if (!warms || attempt(measurement, r, tryOut) != null) {
                working.add(r);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Route r : List.copyOf(working)) {
                Double value = attempt(measurement, r, step);
                if (value == null) {
                    working.remove(r);
                } else {
                    samples.add(new Sample(jvm, measurement, unit, r.client().name(), r.target().name(), value));
                }
            }
        }
    }

    private Double attempt(String measurement, Route route, Step step) {
        try {
            return step.measure(route);
        } catch (Exception e) {
            samples.note(measurement + ", " + route + " (Java " + jvm + "): left out, it failed: "
                    + oneLine(e));
            return null;
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = m.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The seconds {@code work} takes. */
    static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    interface Work {
        void run() throws Exception;
    }
}
