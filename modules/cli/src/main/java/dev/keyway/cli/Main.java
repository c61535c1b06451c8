package dev.keyway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keyway} command. */
@Command(name = "keyway", mixinStandardHelpOptions = true, version = "Keyway 0.1.0-SNAPSHOT",
        description = "A modular SSH-2 framework for Java.",
        subcommands = {DemoCommand.class, ServerCommand.class, SshCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
