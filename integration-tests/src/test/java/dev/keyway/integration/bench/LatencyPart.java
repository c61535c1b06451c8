package dev.keyway.integration.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Connection latency: connect, key exchange, publickey login, {@code exec true}, exit, in
 * milliseconds, per key exchange, OpenSSH's {@code ssh} against each server; with the first key
 * exchange also the other clients against sshd ({@code keyway ssh}'s figure includes starting
 * its JVM, as a user meets it). A key exchange the system's {@code ssh} lacks is measured with
 * OpenSSH 10's when it is unpacked, and left out (with a note) otherwise.
 */
final class LatencyPart {
    static final List<String> KEY_EXCHANGES = List.of("curve25519-sha256", "ecdh-sha2-nistp256",
            "sntrup761x25519-sha512@openssh.com", "mlkem768x25519-sha256");

    private LatencyPart() {
    }

    /**
     * @param ssh the system's ssh and the key exchanges it implements
     * @param newerSsh OpenSSH 10's ssh and its key exchanges, or {@code null}
     * @param otherClients measured against sshd with the first key exchange
     */
    static void run(Rounds rounds, Samples samples, Ssh ssh, Ssh newerSsh, List<BenchClient> otherClients,
            BenchServers servers, int count) {
        for (String kex : KEY_EXCHANGES) {
            Ssh client = ssh.kex().contains(kex) ? ssh : newerSsh != null && newerSsh.kex().contains(kex) ? newerSsh : null;
            if (client == null) {
                samples.note("latency " + kex + ": left out, no ssh here implements it (run .ci/openssh10 for"
                        + " OpenSSH 10's)");
                continue;
            }
            if (client != ssh) {
                samples.note("latency " + kex + ": measured with " + client.version() + "'s ssh, since the system's"
                        + " lacks it");
            }
            List<Route> routes = new ArrayList<>();
            for (Target t : servers.all()) {
                // sshd is the system's OpenSSH, which implements what the system's ssh does.
                if (t.name().equals(Target.SSHD) && !ssh.kex().contains(kex)) {
                    samples.note("latency " + kex + ", sshd: left out, " + ssh.version() + " lacks it");
                } else {
                    routes.add(new Route(client.client(), t));
                }
            }
            if (kex.equals(KEY_EXCHANGES.get(0))) {
                otherClients.forEach(c -> routes.add(new Route(c, servers.named(Target.SSHD))));
            }
            Crypto crypto = Crypto.kex(kex);
            rounds.run("latency " + kex, Unit.MILLISECONDS, routes, count,
                    r -> Rounds.seconds(() -> r.client().runTrue(r.target(), crypto)),
                    r -> 1000 * Rounds.seconds(() -> r.client().runTrue(r.target(), crypto)));
        }
    }

    /** An OpenSSH client, its version and the key exchanges it implements ({@code ssh -Q kex}). */
    record Ssh(BenchClient client, String version, Set<String> kex) {
    }
}
