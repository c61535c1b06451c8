package dev.keyway.integration.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to measure and how much: the options of {@code ./keyway bench}. The defaults are the
 * issue's measurements (1 GiB transfers, latency median of 30, 1,000 idle sessions, Java 17
 * and 25); {@code --quick} is a shorter run of the same.
 *
 * @param ciphers the ciphers (with a MAC where not AEAD) of the transfers
 * @param javaHomes the JVMs to run the Keyway and MINA processes and the library clients on
 * @param samplesFile where a run on another JVM (a child, {@code --samples}) writes its samples;
 *     {@code null} in the run that makes the table
 * @param updateReadme whether to put the table and chart into README.md and docs/bench
 */
record BenchOptions(long transferBytes, List<Crypto> ciphers, int repetitions, int latencySamples,
        int connectionsPerClient, int idleSessions, Set<Part> parts, List<Path> javaHomes, Path outputDirectory,
        Path samplesFile, boolean updateReadme) {

    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final String USAGE = String.join("\n",
            "usage: keyway bench [--quick] [--size N[K|M|G]] [--ciphers LIST] [--repetitions N] [--latency-samples N]",
            "                    [--connections N] [--sessions N] [--parts transfer,clients,latency,rate,memory]",
            "                    [--java JAVA_HOME]... [--out DIR] [--readme]",
            "  --quick            64 MiB transfers, 10 latency samples, 10 connections a client, 200 sessions",
            "  --size             bytes per upload and download (default 1G)",
            "  --ciphers          the transfers' ciphers, CIPHER or CIPHER+MAC, comma-separated (default: "
                    + String.join(",", TransferPart.CIPHERS.stream().map(Crypto::cipherLabel).toList()) + ")",
            "  --repetitions      transfers and connection-rate runs per client and server (default 5)",
            "  --latency-samples  connections timed per key exchange and server (default 30)",
            "  --connections      connections each of the 8 concurrent clients makes (default 25)",
            "  --sessions         idle authenticated sessions for the memory part (default 1000)",
            "  --java             a JDK to run Keyway and MINA on; repeatable (default: this one and",
            "                     " + JAVA_25 + " when present)",
            "  --out              where results.md, samples.csv and results.svg go (default target/bench)",
            "  --readme           also put the table into README.md and the chart into docs/bench/results.svg");

    static BenchOptions parse(String[] args, Path root) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean quick = a.remove("--quick");
        long bytes = quick ? 64L << 20 : 1L << 30;
        List<Crypto> ciphers = TransferPart.CIPHERS;
        int repetitions = 5;
        int latency = quick ? 10 : 30;
        int connections = quick ? 10 : 25;
        int sessions = quick ? 200 : 1000;
        Set<Part> parts = EnumSet.allOf(Part.class);
        List<Path> javas = new ArrayList<>();
        Path out = root.resolve("target/bench");
        Path samples = null;
        boolean readme = false;
        for (int i = 0; i < a.size(); i++) {
            String option = a.get(i);
            if (option.equals("--readme")) {
                readme = true;
                continue;
            }
            if (i + 1 == a.size()) {
                throw new IllegalArgumentException("unknown option or missing value: " + option + "\n" + USAGE);
            }
            String value = a.get(++i);
            switch (option) {
                case "--size" -> bytes = size(value);
                case "--ciphers" -> ciphers = Arrays.stream(value.split(",")).map(Crypto::ofLabel).toList();
                case "--repetitions" -> repetitions = positive(value);
                case "--latency-samples" -> latency = positive(value);
                case "--connections" -> connections = positive(value);
                case "--sessions" -> sessions = positive(value);
                case "--parts" -> parts = parts(value);
                case "--java" -> javas.add(Path.of(value).toAbsolutePath().normalize());
                case "--out" -> out = Path.of(value).toAbsolutePath();
                case "--samples" -> samples = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (javas.isEmpty()) {
            javas.add(thisJava());
            if (Files.isExecutable(JAVA_25.resolve("bin/java")) && !JAVA_25.equals(thisJava())) {
                javas.add(JAVA_25);
            }
        }
        return new BenchOptions(bytes, ciphers, repetitions, latency, connections, sessions, parts, List.copyOf(javas), out,
                samples, readme);
    }

    /** The JDK this benchmark runs on. */
    static Path thisJava() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    }

    boolean runs(Part part) {
        return parts.contains(part);
    }

    /** The options for a run of the measurements on another JVM, which writes its samples to {@code file}. */
    List<String> forChild(Path file) {
        return List.of("--size", Long.toString(transferBytes),
                "--ciphers", String.join(",", ciphers.stream().map(Crypto::cipherLabel).toList()),
                "--repetitions", Integer.toString(repetitions), "--latency-samples", Integer.toString(latencySamples),
                "--connections", Integer.toString(connectionsPerClient), "--sessions", Integer.toString(idleSessions),
                "--parts", String.join(",", parts.stream().map(Part::optionName).toList()),
                "--out", outputDirectory.toString(), "--samples", file.toString());
    }

    /** How much this run measured, for the results. */
    String describe() {
        return String.format(Locale.ROOT, "%s transfers, %d repetitions, latency median of %d,"
                        + " 8 clients x %d connections, %d idle sessions; parts: %s",
                bytes(transferBytes), repetitions, latencySamples, connectionsPerClient, idleSessions,
                String.join(",", parts.stream().map(Part::optionName).toList()));
    }

    static String bytes(long n) {
        if (n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        return n % 1024 == 0 ? (n >> 10) + " KiB" : n + " bytes";
    }

    private static long size(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        int shift = switch (v.charAt(v.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
        if (n <= 0) {
            throw new IllegalArgumentException("--size must be positive: " + value);
        }
        return n;
    }

    private static int positive(String value) {
        int n = Integer.parseInt(value.trim());
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive: " + value);
        }
        return n;
    }

    private static Set<Part> parts(String value) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String name : value.split(",")) {
            parts.add(Part.named(name));
        }
        return parts;
    }
}
