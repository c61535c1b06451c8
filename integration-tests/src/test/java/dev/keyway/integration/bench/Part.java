package dev.keyway.integration.bench;

import java.util.Locale;

/** The parts of the end-to-end benchmark, each chosen by its name in {@code --parts}. */
enum Part {
    /** Upload and download through the OpenSSH client, against each server. */
    TRANSFER,
    /** The same transfers against sshd, by each client. */
    CLIENTS,
    /** Connect, key exchange, publickey, {@code exec true}, exit: per key exchange. */
    LATENCY,
    /** Connections per second, eight clients at once. */
    RATE,
    /** Heap and resident memory per idle authenticated session. */
    MEMORY;

    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Part named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
