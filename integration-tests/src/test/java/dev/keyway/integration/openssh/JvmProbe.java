package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads another JVM from outside, as an operator would: its heap through the JDK's
 * {@code jcmd} (the attach mechanism, same user), its CPU time from Linux's
 * {@code /proc/PID/stat} (proc(5): {@code utime} and {@code stime}, fields 14 and 15, in
 * clock ticks of {@code getconf CLK_TCK}).
 *
 * @param pid the JVM's process id
 * @param ticksPerSecond the clock ticks of {@code /proc} in a second
 */
record JvmProbe(long pid, long ticksPerSecond) {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** A generation or G1's whole heap in {@code GC.heap_info}: "garbage-first heap total 48128K, used 12738K". */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    /** A probe of the JVM with that process id; Linux only (the test is skipped or fails elsewhere, as CI says). */
    static JvmProbe of(long pid) {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            InstalledProgram.missing("no /proc: the CPU time of the server cannot be read");
        }
        BoundedProcess.Result tck = BoundedProcess.run(List.of("getconf", "CLK_TCK"), LIMIT);
        assertEquals(0, tck.exitCode(), tck.output());
        return new JvmProbe(pid, Long.parseLong(tck.output().trim()));
    }

    /**
     * The heap the JVM still uses after a full collection ({@code jcmd PID GC.run}, then
     * {@code GC.heap_info}): what it really holds, whatever garbage it had.
     */
    long heapUsedAfterGc() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        long usedKiB = 0;
        boolean found = false;
        while (m.find()) {
            usedKiB += Long.parseLong(m.group(1));
            found = true;
        }
        if (!found) {
            fail("no heap figure in jcmd GC.heap_info:\n" + info);
        }
        return usedKiB * 1024;
    }

    /** The JVM's maximum heap ({@code -Xmx}), from {@code jcmd PID VM.flags}. */
    long maxHeap() {
        String flags = jcmd("VM.flags");
        Matcher m = MAX_HEAP.matcher(flags);
        if (!m.find()) {
            fail("no MaxHeapSize in jcmd VM.flags:\n" + flags);
        }
        return Long.parseLong(m.group(1));
    }

    /** The CPU time the process has used so far, user and system, all threads. */
    Duration cpuTime() {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the CPU time of " + pid, e);
        }
        // The command name, field 2, is in parentheses and may hold spaces: count from after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / ticksPerSecond);
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        BoundedProcess.Result r = BoundedProcess.run(List.of(jcmd.toString(), Long.toString(pid), command), LIMIT);
        if (r.exitCode() != 0) {
            fail("jcmd " + pid + " " + command + " failed:\n" + r.output());
        }
        return r.output();
    }
}
