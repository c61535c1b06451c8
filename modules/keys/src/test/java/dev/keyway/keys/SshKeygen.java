package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real ssh-keygen(1), run with a time limit. CI installs it ({@code .ci/run}) and sets
 * {@code CI=true}, where its absence fails the test; elsewhere the test is skipped.
 */
final class SshKeygen {
    private static final long LIMIT_SECONDS = 30;
    private static final List<String> CANDIDATES = List.of("/usr/bin/ssh-keygen", "/usr/local/bin/ssh-keygen");

    /** What a run left behind. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private final Path program;
    private final Path workDir;

    private SshKeygen(Path program, Path workDir) {
        this.program = program;
        this.workDir = workDir;
    }

    /** ssh-keygen, working in {@code workDir}; fails (CI) or skips the test when it is missing. */
    static SshKeygen require(Path workDir) {
        for (String candidate : CANDIDATES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return new SshKeygen(Path.of(candidate), workDir);
            }
        }
        String why = "ssh-keygen is not installed (Debian: apt-get install openssh-client)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI=true, so this fails instead of skipping");
        }
        assumeTrue(false, why + "; skipping the ssh-keygen interop tests");
        throw new IllegalStateException("unreachable");
    }

    /** Runs {@code ssh-keygen args...} with stdin empty. */
    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "keygen-", ".out");
        Path err = Files.createTempFile(workDir, "keygen-", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                fail(command + " still running after " + LIMIT_SECONDS + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Runs and insists on exit code 0; returns standard output. */
    String ok(String... args) throws IOException, InterruptedException {
        Run r = run(args);
        assertEquals(0, r.exitCode(), () -> "ssh-keygen " + String.join(" ", args) + " failed: " + r.stderr());
        return r.stdout();
    }

    /** Makes a key pair without a passphrase: {@code file} and {@code file.pub}. */
    Path generate(String type, String fileName, String passphrase) throws IOException, InterruptedException {
        Path file = workDir.resolve(fileName);
        List<String> args = new ArrayList<>(List.of("-q", "-t", type, "-N", passphrase, "-C", "test@keyway",
                "-f", file.toString()));
        if (type.equals("ecdsa")) {
            args.addAll(List.of("-b", "256"));
        }
        if (type.equals("rsa")) {
            args.addAll(List.of("-b", "2048"));
        }
        ok(args.toArray(String[]::new));
        return file;
    }

    /** The fingerprint field of {@code ssh-keygen -l -E hash -f file}. */
    String fingerprint(Path file, String hash) throws IOException, InterruptedException {
        // "256 SHA256:base64 comment (ED25519)"
        return ok("-l", "-E", hash, "-f", file.toString()).trim().split("\\s+")[1];
    }
}
