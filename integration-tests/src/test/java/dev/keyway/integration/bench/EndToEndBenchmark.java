package dev.keyway.integration.bench;

import dev.keyway.integration.openssh.BoundedProcess;
import dev.keyway.integration.openssh.OpenSsh10;
import dev.keyway.integration.openssh.OpenSshInstallation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark, {@code ./keyway bench} (docs/bench/README.md): OpenSSH's sshd,
 * {@code keyway server} and an Apache MINA SSHD server on 127.0.0.1 at the same time, measured in
 * turn: transfers through {@code ssh} for three ciphers ({@link TransferPart}), the Keyway client
 * (library and command) and MINA's next to {@code ssh} against sshd, connection latency per key
 * exchange ({@link LatencyPart}), connections per second ({@link RatePart}) and memory per idle
 * session ({@link MemoryPart}). The Keyway and MINA processes and the library clients run on each
 * JVM asked for: this one in this process, any other in a child process of this program on that
 * JVM, which hands its samples back as CSV. Prints the Markdown table of medians and ratios and
 * writes it with the raw samples and an SVG chart to {@code target/bench}.
 *
 * <p>Runs with the integration tests' class path and {@code -Dkeyway.root=} the repository (the
 * {@code keyway} script gives both), from {@code integration-tests/} like the tests.
 */
public final class EndToEndBenchmark {
    /** A child run on another JVM must end within this, whatever its options. */
    private static final Duration CHILD_LIMIT = Duration.ofHours(8);

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.samplesFile() != null) {
            measure(options).write(options.samplesFile());
        } else {
            BenchResults results = run(options, String.join(" ", Stream.concat(Stream.of("./keyway bench"),
                    Stream.of(args)).toList()));
            System.out.print(Files.readString(results.markdown(), StandardCharsets.UTF_8));
        }
        // Client libraries may leave non-daemon threads behind; the run is over.
        System.exit(0);
    }

    /** The repository, from {@code -Dkeyway.root} as the tests have it. */
    static Path root() {
        String root = System.getProperty("keyway.root");
        if (root == null) {
            throw new IllegalStateException("-Dkeyway.root=<the repository> is not set; run ./keyway bench");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** Measures on every JVM and writes the results. */
    static BenchResults run(BenchOptions options, String command) throws Exception {
        Path out = Files.createDirectories(options.outputDirectory());
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        List<String> sshVersions = new ArrayList<>(List.of(banner(openSsh)));
        OpenSsh10.ifUnpacked().ifPresent(newer -> sshVersions.add(banner(newer) + " (its ssh, for key exchanges"
                + " the system's lacks)"));
        List<String> machine = Machine.describe(options.javaHomes(), sshVersions, root());
        machine.forEach(Progress::say);
        Samples all = new Samples();
        for (Path java : options.javaHomes()) {
            all.addAll(java.equals(BenchOptions.thisJava()) ? measure(options) : onOtherJvm(java, options));
        }
        all.write(out.resolve("samples.csv"));
        ResultTable table = ResultTable.of(all.all());
        Path svg = out.resolve("results.svg");
        RatioChart.write(table, svg);
        Path markdown = out.resolve("results.md");
        Files.writeString(markdown, ResultsPage.markdown(command, options, machine, table, all.notes(), "results.svg"),
                StandardCharsets.UTF_8);
        if (options.updateReadme()) {
            Path chart = Files.createDirectories(root().resolve("docs/bench")).resolve("results.svg");
            Files.copy(svg, chart, StandardCopyOption.REPLACE_EXISTING);
            ReadmeBlock.replace(root().resolve("README.md"),
                    ResultsPage.markdown(command, options, machine, table, all.notes(), "docs/bench/results.svg"));
        }
        return new BenchResults(table, all.notes(), markdown, svg, out.resolve("samples.csv"));
    }

    /** What a run wrote: the table and notes, and the files {@code results.md}, {@code results.svg}, {@code samples.csv}. */
    record BenchResults(ResultTable table, List<String> notes, Path markdown, Path chart, Path samples) {
    }

    private static String banner(OpenSshInstallation openSsh) {
        return BoundedProcess.run(List.of(openSsh.ssh().toString(), "-V"), Duration.ofSeconds(10)).output().strip();
    }

    /** This JVM's measurements: the servers started, every part asked for, the servers stopped. */
    static Samples measure(BenchOptions options) throws Exception {
        int jvm = Runtime.version().feature();
        Progress.say("Java " + jvm + ": starting sshd, keyway server and the MINA server on 127.0.0.1");
        Samples samples = new Samples();
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        Path dir = Files.createTempDirectory("keyway-bench-");
        try (BenchServers servers = BenchServers.start(openSsh, dir)) {
            // Stopped also when the run is interrupted (Ctrl-C).
            Thread stop = new Thread(servers::close, "bench-stop-servers");
            Runtime.getRuntime().addShutdownHook(stop);
            try (KeywayLibraryClient keyway = new KeywayLibraryClient(servers);
                    MinaLibraryClient mina = new MinaLibraryClient(servers)) {
                measure(options, jvm, samples, openSsh, servers, keyway, mina);
            } finally {
                Runtime.getRuntime().removeShutdownHook(stop);
            }
        } finally {
            delete(dir);
        }
        return samples;
    }

    private static void measure(BenchOptions options, int jvm, Samples samples, OpenSshInstallation openSsh,
            BenchServers servers, KeywayLibraryClient keyway, MinaLibraryClient mina) {
        Rounds rounds = new Rounds(samples, jvm);
        BenchClient ssh = CommandLineClient.openSsh(openSsh, servers);
        List<BenchClient> others = List.of(keyway, CommandLineClient.keywaySsh(servers), mina);
        Target sshd = servers.named(Target.SSHD);
        List<Route> transfers = new ArrayList<>();
        if (options.runs(Part.TRANSFER)) {
            servers.all().forEach(t -> transfers.add(new Route(ssh, t)));
        }
        if (options.runs(Part.CLIENTS)) {
            if (!options.runs(Part.TRANSFER)) {
                transfers.add(new Route(ssh, sshd));
            }
            others.forEach(c -> transfers.add(new Route(c, sshd)));
        }
        if (!transfers.isEmpty()) {
            Progress.say("Java " + jvm + ": transfers of " + BenchOptions.bytes(options.transferBytes()));
            TransferPart.run(rounds, transfers, options.ciphers(), options.transferBytes(), options.repetitions());
        }
        if (options.runs(Part.LATENCY)) {
            Progress.say("Java " + jvm + ": connection latency");
            LatencyPart.Ssh newer = OpenSsh10.ifUnpacked().map(o -> new LatencyPart.Ssh(
                    CommandLineClient.openSsh(o, servers), "OpenSSH " + o.major() + "." + o.minor(),
                    o.supported("kex"))).orElse(null);
            LatencyPart.run(rounds, samples, new LatencyPart.Ssh(ssh, "OpenSSH " + openSsh.major() + "." + openSsh.minor(),
                    openSsh.supported("kex")), newer, options.runs(Part.CLIENTS) ? others : List.of(), servers,
                    options.latencySamples());
        }
        if (options.runs(Part.RATE)) {
            Progress.say("Java " + jvm + ": connections per second");
            RatePart.run(rounds, ssh, servers, options.connectionsPerClient(), options.repetitions());
        }
        if (options.runs(Part.MEMORY)) {
            Progress.say("Java " + jvm + ": " + options.idleSessions() + " idle sessions per server");
            MemoryPart.run(samples, jvm, keyway, servers, options.idleSessions());
        }
    }

    /** Runs this program on another JVM for that JVM's samples. */
    private static Samples onOtherJvm(Path javaHome, BenchOptions options) throws IOException {
        Path file = Files.createTempFile("keyway-bench-", ".csv");
        try {
            List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dkeyway.root=" + root(),
                    EndToEndBenchmark.class.getName()));
            command.addAll(options.forChild(file));
            int exit = BoundedProcess.run(new ProcessBuilder(command).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(BoundedProcess.nullDevice())), CHILD_LIMIT);
            if (exit != 0) {
                throw new IllegalStateException("the run on " + javaHome + " failed (exit " + exit + ")");
            }
            return Samples.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
