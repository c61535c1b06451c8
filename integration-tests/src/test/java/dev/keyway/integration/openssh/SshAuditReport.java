package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What ssh-audit reported about one server: its exit code and its findings at level
 * {@code warn} and {@code fail}, each a line of its batch output (category, algorithm or CVE,
 * and the note, e.g. {@code (kex) ecdh-sha2-nistp256 -- [fail] using weak elliptic curves}).
 * Two servers' reports compare finding by finding: the same line at the same level.
 */
record SshAuditReport(int exitCode, Set<Finding> findings, String output) {
    /** ssh-audit's exit codes (its {@code exitcodes.py}): 3 a failure, 2 a warning, 1 no connection, 0 neither. */
    private static final int FAILURE = 3;
    private static final int WARNING = 2;
    private static final int GOOD = 0;
    /**
     * ssh-audit's closing request to report unknown algorithms to its maintainer; each of them
     * is a finding of its own ({@code [warn] unknown algorithm}), so the summary adds nothing.
     */
    private static final String UNKNOWN_ALGORITHMS_SUMMARY = "!!! WARNING: unknown algorithm(s) found!";

    enum Level { WARN, FAIL }

    record Finding(Level level, String line) {
        @Override
        public String toString() {
            return level + " " + line;
        }
    }

    /**
     * Reads the two printings of one audit: {@code fromWarn} ({@code -l warn}, with its exit
     * code) and {@code fromFail} ({@code -l fail}). A line in both is a failure, a line only in
     * the first a warning. Fails the test if ssh-audit did not reach the server, or if what was
     * read disagrees with its exit code.
     */
    static SshAuditReport read(int exitCode, String fromWarn, String fromFail) {
        if (exitCode != FAILURE && exitCode != WARNING && exitCode != GOOD) {
            fail("ssh-audit exited with " + exitCode + ":\n" + fromWarn);
        }
        Set<String> failures = lines(fromFail);
        Set<Finding> findings = new LinkedHashSet<>();
        for (String line : lines(fromWarn)) {
            findings.add(new Finding(failures.contains(line) ? Level.FAIL : Level.WARN, line));
        }
        SshAuditReport report = new SshAuditReport(exitCode, Collections.unmodifiableSet(findings), fromWarn);
        if ((exitCode == FAILURE && !report.has(Level.FAIL)) || (exitCode == WARNING && !report.has(Level.WARN))) {
            fail("ssh-audit's exit code " + exitCode + " names a level none of these lines has:\n" + fromWarn);
        }
        return report;
    }

    private static Set<String> lines(String output) {
        Set<String> lines = new LinkedHashSet<>();
        output.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith(UNKNOWN_ALGORITHMS_SUMMARY))
                .forEach(lines::add);
        return lines;
    }

    private boolean has(Level level) {
        return findings.stream().anyMatch(f -> f.level() == level);
    }

    /** The findings of this report that {@code other} does not have, at the same level. */
    Set<Finding> notIn(SshAuditReport other) {
        Set<Finding> extra = new LinkedHashSet<>(findings);
        extra.removeAll(other.findings);
        return extra;
    }
}
