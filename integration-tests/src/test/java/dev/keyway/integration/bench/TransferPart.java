package dev.keyway.integration.bench;

import java.util.List;

/**
 * Upload and download: the bytes per second of one {@code ssh host 'wc -c'} fed from {@code
 * head -c N /dev/zero}, and of one {@code ssh host 'head -c N /dev/zero'}, connection and login
 * included, for each of the ciphers. Each route first moves up to 128 MiB untimed each
 * way, which warms up the JVMs on it.
 */
final class TransferPart {
    /** The ciphers, measured by default. */
    static final List<Crypto> CIPHERS = List.of(
            Crypto.cipher("chacha20-poly1305@openssh.com", null),
            Crypto.cipher("aes256-gcm@openssh.com", null),
            Crypto.cipher("aes128-ctr", "hmac-sha2-256-etm@openssh.com"));
    private static final long MOST_WARM_UP_BYTES = 128L << 20;

    private TransferPart() {
    }

    static void run(Rounds rounds, List<Route> routes, List<Crypto> ciphers, long bytes, int repetitions) {
        long warmUp = Math.min(bytes, MOST_WARM_UP_BYTES);
        for (Crypto c : ciphers) {
            rounds.run("upload " + c.cipherLabel(), Unit.MEGABYTES_PER_SECOND, routes, repetitions,
                    r -> Rounds.seconds(() -> r.client().upload(r.target(), c, warmUp)),
                    r -> bytes / 1e6 / Rounds.seconds(() -> r.client().upload(r.target(), c, bytes)));
            rounds.run("download " + c.cipherLabel(), Unit.MEGABYTES_PER_SECOND, routes, repetitions,
                    r -> Rounds.seconds(() -> r.client().download(r.target(), c, warmUp)),
                    r -> bytes / 1e6 / Rounds.seconds(() -> r.client().download(r.target(), c, bytes)));
        }
    }
}
