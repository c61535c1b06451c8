package dev.keyway.integration.openssh;

import dev.keyway.integration.KeywayCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code keyway server} run as a program (see {@link KeywayCommand}), started and read up to
 * the line that says where it listens; its output is drained from then on, so it never blocks
 * on a full pipe. Close it to stop it. Public for the module-path test
 * ({@code …integration.ModulePathSessionTest}).
 */
public final class KeywayServerProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final String printed;
    /** Everything printed so far; the reader thread appends, any thread reads. */
    private final StringBuffer output;

    private KeywayServerProcess(Process process, int port, String printed, StringBuffer output) {
        this.process = process;
        this.port = port;
        this.printed = printed;
        this.output = output;
    }

    /** Starts {@code keyway server ARGS...} and waits (bounded) until it listens on 127.0.0.1. */
    static KeywayServerProcess start(List<String> arguments) throws Exception {
        return start(Map.of(), arguments);
    }

    /**
     * Starts {@code keyway server ARGS...} with extra environment, e.g. {@code JDK_JAVA_OPTIONS}
     * for the JVM's own options, which the {@code java} launcher reads as the {@code keyway}
     * script's {@code exec java} does.
     */
    public static KeywayServerProcess start(Map<String, String> environment, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("server"));
        command.addAll(arguments);
        Process process = KeywayCommand.start(environment, command.toArray(String[]::new));
        try {
            return awaitListening(process);
        } catch (Exception | Error e) {
            BoundedProcess.stop(process);
            throw e;
        }
    }

    /**
     * Waits (bounded) until a started server prints where it listens, as {@code keyway server}
     * does: also the end-to-end benchmark's MINA SSHD server ({@code …integration.bench}), which
     * prints the same line. The caller stops the process if this fails.
     */
    public static KeywayServerProcess awaitListening(Process process) throws Exception {
        CompletableFuture<KeywayServerProcess> started = new CompletableFuture<>();
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        started.complete(new KeywayServerProcess(process, Integer.parseInt(m.group(1)),
                                seen.toString(), seen));
                    }
                }
            } catch (IOException ignored) {
                // The server was stopped.
            }
            started.completeExceptionally(new AssertionError("keyway server ended: " + seen));
        }, "keyway-server-output");
        reader.setDaemon(true);
        reader.start();
        return started.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    public int port() {
        return port;
    }

    /** What the server printed up to the line that says where it listens (host key fingerprints included). */
    public String printed() {
        return printed;
    }

    /** The server JVM's process id (KeywayCommand starts {@code java} itself, no wrapper). */
    public long pid() {
        return process.pid();
    }

    /** Everything the server printed so far: its log (sshd's words) comes on stderr, merged in. */
    String output() {
        return output.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        BoundedProcess.stop(process);
    }
}
