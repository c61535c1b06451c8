package dev.keyway.integration.bench;

import dev.keyway.integration.openssh.BoundedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The machine and the software a run measured, for the top of the results: CPU model and count
 * ({@code /proc/cpuinfo}), memory ({@code /proc/meminfo}), system and kernel, each JVM's
 * {@code java -version}, the OpenSSH and MINA SSHD versions and Keyway's commit.
 */
final class Machine {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Machine() {
    }

    static List<String> describe(List<Path> javaHomes, List<String> openSshVersions, Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> cpu = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String model = cpu.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
        long count = cpu.stream().filter(l -> l.startsWith("processor")).count();
        lines.add("CPU: " + model + ", " + count + " logical CPUs (shared with other work unless said otherwise)");
        long memKib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        lines.add(String.format(Locale.ROOT, "Memory: %.1f GiB", memKib / 1024.0 / 1024.0));
        lines.add("System: " + osName() + ", Linux " + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        for (Path home : javaHomes) {
            List<String> version = run(List.of(home.resolve("bin/java").toString(), "-version")).lines()
                    .limit(2).toList();
            lines.add("JVM: " + String.join("; ", version) + " (" + home + ", default options)");
        }
        openSshVersions.forEach(v -> lines.add("OpenSSH: " + v));
        lines.add("Apache MINA SSHD: " + minaVersion());
        lines.add("Keyway: " + keywayCommit(root));
        return lines;
    }

    private static String osName() throws IOException {
        Path release = Path.of("/etc/os-release");
        if (!Files.exists(release)) {
            return "unknown system";
        }
        return Files.readAllLines(release).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse("unknown system");
    }

    private static String minaVersion() throws IOException {
        try (InputStream in = org.apache.sshd.server.SshServer.class
                .getResourceAsStream("/META-INF/maven/org.apache.sshd/sshd-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        }
    }

    /** The commit measured, and whether the working tree differed from it. */
    private static String keywayCommit(Path root) {
        String commit = run(List.of("git", "-C", root.toString(), "log", "-1", "--format=%h %cs %s")).strip();
        boolean changed = !run(List.of("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no"))
                .isBlank();
        return commit.isEmpty() ? "unknown commit" : "commit " + commit + (changed ? " (with uncommitted changes)" : "");
    }

    private static String run(List<String> command) {
        return BoundedProcess.run(command, LIMIT).output();
    }
}
