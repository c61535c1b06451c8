package dev.keyway.integration.bench;

import dev.keyway.integration.openssh.KeywayServerProcess;
import dev.keyway.integration.openssh.OpenSshHostKey;
import dev.keyway.integration.openssh.OpenSshInstallation;
import dev.keyway.integration.openssh.SshdServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three servers, on 127.0.0.1 at the same time, for one JVM's run: OpenSSH's sshd (its
 * compiled-in algorithms, its own host keys), {@code keyway server} and {@link MinaBenchServer}
 * (processes on this JVM, sharing one ed25519 host key). One ed25519 user key logs in to each;
 * {@code known_hosts} vouches for each server's ed25519 host key, which every client asks for
 * ({@code HostKeyAlgorithms=ssh-ed25519}), so that each server signs alike. Close to stop them.
 */
final class BenchServers implements AutoCloseable {
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Path userKey;
    private final Path knownHosts;

    private BenchServers(Path userKey, Path knownHosts) {
        this.userKey = userKey;
        this.knownHosts = knownHosts;
    }

    static BenchServers start(OpenSshInstallation openSsh, Path dir) throws Exception {
        OpenSshHostKey user = openSsh.generateHostKey(Files.createDirectories(dir.resolve("user")), "ed25519");
        OpenSshHostKey host = openSsh.generateHostKey(Files.createDirectories(dir.resolve("host")), "ed25519");
        Path authorizedKeys = dir.resolve("authorized_keys");
        Files.writeString(authorizedKeys, publicLine(user) + "\n", StandardCharsets.US_ASCII);
        BenchServers servers = new BenchServers(user.privateKeyFile(), dir.resolve("known_hosts"));
        try {
            SshdServer sshd = SshdServer.startWithDefaultAlgorithms(openSsh, Files.createDirectories(dir.resolve("sshd")));
            servers.running.add(sshd);
            sshd.authorize(publicLine(user));
            OpenSshHostKey sshdKey = sshd.hostKey("ssh-ed25519");
            servers.add(new Target(Target.SSHD, sshd.port(), sshd.pid(), sshdKey.fingerprint(), false), sshdKey);

            KeywayServerProcess keyway = KeywayServerProcess.start(Map.of(), List.of("-p", "0",
                    "-h", host.privateKeyFile().toString(), "--authorized-keys", authorizedKeys.toString()));
            servers.running.add(keyway);
            servers.add(new Target(Target.KEYWAY, keyway.port(), keyway.pid(), host.fingerprint(), true), host);

            KeywayServerProcess mina = MinaBenchServer.start(host.privateKeyFile(), authorizedKeys);
            servers.running.add(mina);
            servers.add(new Target(Target.MINA, mina.port(), mina.pid(), host.fingerprint(), true), host);
            return servers;
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
    }

    /** Records the target and the line that vouches for its host key, as ssh(1) writes it for a port. */
    private void add(Target target, OpenSshHostKey hostKey) throws IOException {
        targets.add(target);
        Files.writeString(knownHosts, "[127.0.0.1]:" + target.port() + " " + publicLine(hostKey) + "\n",
                StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String publicLine(OpenSshHostKey key) throws IOException {
        return Files.readString(Path.of(key.privateKeyFile() + ".pub"), StandardCharsets.US_ASCII).trim();
    }

    /** sshd, keyway, mina: the order the measurements go round in. */
    List<Target> all() {
        return List.copyOf(targets);
    }

    Target named(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** The user key's private key file (OpenSSH format, no passphrase), which every client logs in with. */
    Path userKey() {
        return userKey;
    }

    Path knownHosts() {
        return knownHosts;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                Progress.say("stopping a server: " + e);
            }
        }
        running.clear();
    }
}
