package dev.keyway.integration.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Connections per second: eight {@code ssh host true} loops at once, each of a fixed count, per
 * server; all connections divided by the time the slowest loop took.
 */
final class RatePart {
    static final int CLIENTS = 8;

    private RatePart() {
    }

    static void run(Rounds rounds, BenchClient ssh, BenchServers servers, int perClient, int repetitions) {
        List<Route> routes = servers.all().stream().map(t -> new Route(ssh, t)).toList();
        rounds.run("connections/s with " + CLIENTS + " clients", Unit.CONNECTIONS_PER_SECOND, routes, repetitions,
                r -> Rounds.seconds(() -> r.client().runTrue(r.target(), Crypto.DEFAULTS)),
                r -> CLIENTS * perClient / Rounds.seconds(() -> concurrently(r, perClient)));
    }

    private static void concurrently(Route route, int perClient) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> loops = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                loops.add(() -> {
                    for (int n = 0; n < perClient; n++) {
                        route.client().runTrue(route.target(), Crypto.DEFAULTS);
                    }
                    return null;
                });
            }
            // Each runTrue is bounded; this bounds the whole.
            for (Future<Void> loop : threads.invokeAll(loops, 60L * perClient, TimeUnit.SECONDS)) {
                loop.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
