package dev.keyway.integration.openssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * <a href="https://github.com/jtesta/ssh-audit">ssh-audit</a> (Debian's package, 2.5.0 on the
 * CI image), which grades a server's algorithms and known vulnerabilities, run against a server
 * on 127.0.0.1.
 *
 * <p>2.5.0's JSON output ({@code -j}) lists the algorithms but none of the verdicts, so the
 * report is read from the batch text output instead ({@code -b -n}: one finding a line, no
 * padding, no colours), printed twice: from level {@code warn} up and from level {@code fail}
 * up ({@code -l}), which tells each line's level, whether or not the line names it.
 */
record SshAudit(Path program) {
    /** ssh-audit's own limit for connecting and for each read ({@code -t}), in seconds. */
    private static final int READ_TIMEOUT_SECONDS = 10;
    /** A whole run: several connections (one per host key type, more for group exchange), each bounded by the above. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    /** The installed ssh-audit, or a failed (CI) or aborted (elsewhere) test with the reason. */
    static SshAudit require() {
        return new SshAudit(InstalledProgram.require("ssh-audit", "ssh-audit is not installed; this test needs it"
                + " (Debian: apt-get install ssh-audit)", "/usr/bin/ssh-audit", "/usr/local/bin/ssh-audit"));
    }

    /** Audits the SSH server listening on 127.0.0.1:{@code port}; fails the test if it cannot be reached. */
    SshAuditReport audit(int port) {
        BoundedProcess.Result fromWarn = run(port, "warn");
        BoundedProcess.Result fromFail = run(port, "fail");
        return SshAuditReport.read(fromWarn.exitCode(), fromWarn.output(), fromFail.output());
    }

    private BoundedProcess.Result run(int port, String level) {
        return BoundedProcess.run(List.of(program.toString(), "-b", "-n", "-l", level,
                "-t", String.valueOf(READ_TIMEOUT_SECONDS), "-p", String.valueOf(port), "127.0.0.1"), RUN_LIMIT);
    }
}
