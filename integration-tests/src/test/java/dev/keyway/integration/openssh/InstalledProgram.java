package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the external programs the interop tests run (OpenSSH's, ssh-audit). CI installs every
 * one of them ({@code .ci/run}) and sets {@code CI=true}, where a missing program fails the
 * test; on a developer machine without it the test is skipped with the reason.
 */
final class InstalledProgram {
    private InstalledProgram() {
    }

    /** The first executable of {@code candidates}, else {@code name} on the PATH: found, or a failed (CI) or aborted test. */
    static Path require(String name, String whyNeeded, String... candidates) {
        Path found = find(name, candidates);
        if (found == null) {
            missing(whyNeeded);
        }
        return found;
    }

    /** The first executable of {@code candidates}, else {@code name} on the PATH, else {@code null}. */
    static Path find(String name, String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String pathVar = System.getenv("PATH");
        if (pathVar != null) {
            for (String dir : pathVar.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Fails the test under CI, where every program is installed; skips it elsewhere. */
    static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + ". CI=true, so this is an error, not a skip.");
        }
        assumeTrue(false, why);
    }
}
