package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the {@code keyway} command as a user would: a separate JVM on the module path the
 * {@code keyway} script gives it, the CLI's runtime modules (which modules/cli/pom.xml copies
 * to {@code modules/cli/target/modules}) and the CLI's jar, where the providers are found
 * through their {@code provides} clauses. A provider the CLI comes to depend on is thus in
 * every test of the command without a change here.
 */
public final class KeywayCommand {
    /** The main class of the command, in its module, as {@code java -m} takes it. */
    static final String MAIN = "dev.keyway.cli/dev.keyway.cli.Main";

    private KeywayCommand() {
    }

    /** Starts {@code keyway ARGS...} with stderr merged into stdout and extra environment. */
    public static Process start(Map<String, String> environment, String... args) throws IOException {
        return processBuilder(environment, args).redirectErrorStream(true).start();
    }

    /**
     * {@code keyway ARGS...} with extra environment, e.g. {@code JDK_JAVA_OPTIONS} for the
     * JVM's own options, which the {@code java} launcher reads; the caller chooses where its
     * streams go. The build's {@code CLASSPATH}, if any, is not passed on: the command runs on
     * the module path alone, as the script runs it from a clean shell.
     */
    public static ProcessBuilder processBuilder(Map<String, String> environment, String... args) {
        return withEnvironment(new ProcessBuilder(command(args)), environment);
    }

    /**
     * Starts {@code keyway ARGS...} on a pseudo-terminal of its own, as a user at a terminal
     * runs it: util-linux {@code script} makes the terminal and copies between it and the
     * returned process's stdin and stdout, so {@code System.console()} is there for prompts.
     */
    public static Process startOnTerminal(Map<String, String> environment, String... args) throws IOException {
        String line = command(args).stream().map(KeywayCommand::shellQuoted).collect(Collectors.joining(" "));
        return withEnvironment(new ProcessBuilder("script", "-q", "-e", "-c", line, "/dev/null"), environment)
                .redirectErrorStream(true).start();
    }

    private static ProcessBuilder withEnvironment(ProcessBuilder pb, Map<String, String> environment) {
        pb.environment().remove("CLASSPATH");
        pb.environment().putAll(environment);
        return pb;
    }

    /** The folder of the CLI's runtime modules, which the {@code keyway} script puts on the module path. */
    static Path runtimeModules() {
        Path folder = Reactor.root().resolve("modules/cli/target/modules");
        assertTrue(Files.isDirectory(folder), folder + " is missing: package modules/cli first (mvn verify)");
        return folder;
    }

    /** The command line of {@code keyway ARGS...}: this JVM's {@code java} on the CLI's module path. */
    public static List<String> command(String... args) {
        String modulePath = runtimeModules() + File.pathSeparator + TestClassPath.jar("keyway-cli");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-p", modulePath, "-m", MAIN));
        command.addAll(List.of(args));
        return command;
    }

    /** One word for /bin/sh, whatever it holds. */
    public static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
