package dev.keyway.integration.openssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of OpenSSH's {@code ssh -vvv} against 127.0.0.1, started in the background while the
 * test thread serves the connection, then waited for with a bound. Its debug output goes to a
 * file and is read afterwards.
 */
public final class OpenSshClientRun implements AutoCloseable {
    private final Process process;
    private final Path log;

    private OpenSshClientRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code ssh} with no configuration file but the given options ({@code -o K=V}),
     * trusting only the keys in {@code knownHosts}, to run {@code true} as user "test".
     */
    public static OpenSshClientRun start(OpenSshInstallation openSsh, Path dir, int port, Path knownHosts,
            List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(openSsh.ssh().toString(), "-vvv", "-F", "/dev/null",
                "-p", Integer.toString(port),
                "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "UpdateHostKeys=no",
                "-o", "IdentityAgent=none",
                "-o", "ConnectTimeout=10"));
        for (String o : options) {
            command.add("-o");
            command.add(o);
        }
        command.addAll(List.of("test@127.0.0.1", "true"));
        Path log = Files.createTempFile(dir, "ssh-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(BoundedProcess.nullDevice())).start();
        return new OpenSshClientRun(p, log);
    }

    /** Waits for ssh to exit and returns its exit status and output. */
    public BoundedProcess.Result await(Deadline deadline) throws IOException, InterruptedException {
        if (!process.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("ssh did not exit within " + deadline.limit().toSeconds() + " s:\n" + output());
        }
        return new BoundedProcess.Result(process.exitValue(), output());
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        BoundedProcess.stop(process);
    }
}
