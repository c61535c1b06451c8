package dev.keyway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keyway} command. */
@Command(name = "keyway", mixinStandardHelpOptions = true, version = "Keyway 0.1.0-SNAPSHOT",
        description = "A modular SSH-2 framework for Java.",
        subcommands = {DemoCommand.class, ServerCommand.class, SshCommand.class})
public final class Main {

    /**
     * One line a record, as sshd's log reads, for the server's lines that go to stderr through
     * java.util.logging unless the user configured it otherwise.
     */
    private static final String LOG_LINE = "%1$tF %1$tT %4$s %5$s%6$s%n";

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_LINE);
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
