package dev.keyway.integration.bench;

import dev.keyway.integration.openssh.BoundedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a server process holds, read from outside it (Linux): for a JVM, the heap in use after
 * a full collection ({@code jcmd PID GC.run}, then the used columns of {@code jstat -gc PID})
 * and the resident set ({@code VmRSS} of {@code /proc/PID/status}); for sshd, which forks
 * processes for each connection, the proportional set size ({@code Pss} of {@code
 * /proc/PID/smaps_rollup}) summed over it and its descendants, so that pages they share count
 * once, not once per process.
 *
 * @param heapBytes {@code -1} for a process that is no JVM
 */
record ProcessMemory(long heapBytes, long residentBytes) {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** jstat's columns of space in use: survivors, eden, old generation (KiB). */
    private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    static ProcessMemory of(Target target) throws IOException {
        if (!target.jvm()) {
            long pss = 0;
            for (long pid : Stream.concat(Stream.of(target.pid()), ProcessHandle.of(target.pid()).stream()
                    .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)).toList()) {
                pss += kib(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:").orElse(0L);
            }
            return new ProcessMemory(-1, pss * 1024);
        }
        return new ProcessMemory(heapAfterGc(target.pid()),
                kib(Path.of("/proc", Long.toString(target.pid()), "status"), "VmRSS:").orElseThrow() * 1024);
    }

    private static long heapAfterGc(long pid) {
        Path jdk = BenchOptions.thisJava().resolve("bin");
        // System.gc(): a full, stop-the-world collection with the JVM's default collector.
        tool(List.of(jdk.resolve("jcmd").toString(), Long.toString(pid), "GC.run"));
        List<String> lines = tool(List.of(jdk.resolve("jstat").toString(), "-gc", Long.toString(pid))).lines()
                .filter(l -> !l.isBlank()).toList();
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double kib = 0;
        for (String column : USED_COLUMNS) {
            kib += Double.parseDouble(values[names.indexOf(column)]);
        }
        return (long) (kib * 1024);
    }

    private static String tool(List<String> command) {
        BoundedProcess.Result r = BoundedProcess.run(command, LIMIT);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(command + " failed: " + r.output());
        }
        return r.output();
    }

    /** The kB value of the line starting with {@code key}; empty when the process has gone. */
    private static Optional<Long> kib(Path file, String key) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        return lines.stream().filter(l -> l.startsWith(key))
                .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])).findFirst();
    }
}
