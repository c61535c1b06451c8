package dev.keyway.integration.bench;

import dev.keyway.integration.KeywayCommand;
import dev.keyway.integration.openssh.BoundedProcess;
import dev.keyway.integration.openssh.OpenSshInstallation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A client that is a program: OpenSSH's {@code ssh} or {@code keyway ssh} (a JVM of its own,
 * started for each call, as a user runs it). Data comes from and goes to {@code head -c} and
 * {@code wc -c} in a {@code /bin/sh} pipeline, the same for both programs.
 */
final class CommandLineClient implements BenchClient {
    private static final Duration SHORT_LIMIT = Duration.ofSeconds(60);

    private final String name;
    /** The program and its options for a target and algorithms, without the remote command. */
    private final BiFunction<Target, Crypto, List<String>> command;

    private CommandLineClient(String name, BiFunction<Target, Crypto, List<String>> command) {
        this.name = name;
        this.command = command;
    }

    /**
     * {@code ssh} with no configuration file, this key only, no agent, and {@code known_hosts}
     * only (ssh(1), ssh_config(5)).
     */
    static CommandLineClient openSsh(OpenSshInstallation openSsh, BenchServers servers) {
        return new CommandLineClient("ssh", (target, crypto) -> {
            List<String> c = new ArrayList<>(List.of(openSsh.ssh().toString(), "-F", "/dev/null",
                    "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                    "-o", "GlobalKnownHostsFile=/dev/null", "-o", "UpdateHostKeys=no", "-o", "LogLevel=ERROR",
                    "-o", "ConnectTimeout=10", "-o", "Compression=no"));
            c.addAll(common(servers, target, crypto));
            return c;
        });
    }

    /** {@code keyway ssh} on this JVM, with the same key, known_hosts and algorithms as {@code ssh}. */
    static CommandLineClient keywaySsh(BenchServers servers) {
        return new CommandLineClient("keyway-ssh", (target, crypto) -> {
            List<String> args = new ArrayList<>(List.of("ssh"));
            args.addAll(common(servers, target, crypto));
            return KeywayCommand.command(args.toArray(String[]::new));
        });
    }

    private static List<String> common(BenchServers servers, Target target, Crypto crypto) {
        List<String> c = new ArrayList<>(List.of("-p", Integer.toString(target.port()),
                "-i", servers.userKey().toString(),
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + servers.knownHosts(),
                "-o", "HostKeyAlgorithms=ssh-ed25519"));
        if (crypto.kex() != null) {
            c.addAll(List.of("-o", "KexAlgorithms=" + crypto.kex()));
        }
        if (crypto.cipher() != null) {
            c.addAll(List.of("-c", crypto.cipher()));
        }
        if (crypto.mac() != null) {
            c.addAll(List.of("-m", crypto.mac()));
        }
        c.add(System.getProperty("user.name") + "@127.0.0.1");
        return c;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void upload(Target target, Crypto crypto, long bytes) {
        expectCount(bytes, "head -c " + bytes + " /dev/zero | " + quoted(command.apply(target, crypto), "wc -c"),
                Bounded.transferLimit(bytes));
    }

    @Override
    public void download(Target target, Crypto crypto, long bytes) {
        expectCount(bytes, quoted(command.apply(target, crypto), "head -c " + bytes + " /dev/zero") + " | wc -c",
                Bounded.transferLimit(bytes));
    }

    @Override
    public void runTrue(Target target, Crypto crypto) {
        List<String> c = new ArrayList<>(command.apply(target, crypto));
        c.add("true");
        BoundedProcess.Result r = BoundedProcess.run(c, SHORT_LIMIT);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(name + " exited " + r.exitCode() + ": " + r.output().strip());
        }
    }

    @Override
    public boolean inThisJvm() {
        return false;
    }

    /** Runs the pipeline and checks that {@code wc -c} printed {@code bytes}. */
    private void expectCount(long bytes, String pipeline, Duration limit) {
        BoundedProcess.Result r = BoundedProcess.run(List.of("/bin/sh", "-c", pipeline), limit);
        boolean counted = r.output().lines().map(String::strip).anyMatch(Long.toString(bytes)::equals);
        if (r.exitCode() != 0 || !counted) {
            throw new IllegalStateException(name + " moved not " + bytes + " bytes (exit " + r.exitCode() + "): "
                    + r.output().strip());
        }
    }

    private static String quoted(List<String> command, String remote) {
        List<String> words = new ArrayList<>(command);
        words.add(remote);
        return words.stream().map(KeywayCommand::shellQuoted).collect(Collectors.joining(" "));
    }
}
