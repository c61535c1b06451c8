package dev.keyway.integration;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the {@code keyway} command as a user would: a separate JVM with the built jars on the
 * module path, where the providers are found through their {@code provides} clauses.
 */
public final class KeywayCommand {
    private static final List<String> LIBRARIES =
            List.of("bcprov-jdk18on", "bcpkix-jdk18on", "bcutil-jdk18on", "picocli", "plantuml-mit");

    private KeywayCommand() {
    }

    /** Starts {@code keyway ARGS...} with stderr merged into stdout and extra environment. */
    public static Process start(Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
        pb.environment().putAll(environment);
        return pb.start();
    }

    /**
     * Starts {@code keyway ARGS...} on a pseudo-terminal of its own, as a user at a terminal
     * runs it: util-linux {@code script} makes the terminal and copies between it and the
     * returned process's stdin and stdout, so {@code System.console()} is there for prompts.
     */
    public static Process startOnTerminal(Map<String, String> environment, String... args) throws IOException {
        String line = command(args).stream().map(KeywayCommand::shellQuoted).collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", line, "/dev/null").redirectErrorStream(true);
        pb.environment().putAll(environment);
        return pb.start();
    }

    private static List<String> command(String... args) {
        List<Path> modulePath = new ArrayList<>();
        for (KeywayModule m : KeywayModule.values()) {
            if (m != KeywayModule.CONFORMANCE) {
                modulePath.add(m.jar().path());
            }
        }
        for (String library : LIBRARIES) {
            modulePath.add(TestClassPath.jar(library));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "-m", "dev.keyway.cli/dev.keyway.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** One word for /bin/sh, whatever it holds. */
    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
