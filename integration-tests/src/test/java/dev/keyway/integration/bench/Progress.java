package dev.keyway.integration.bench;

/** What the benchmark is doing, on stderr, so that stdout holds the result alone. */
final class Progress {
    private Progress() {
    }

    static void say(String line) {
        System.err.println(line);
    }
}
