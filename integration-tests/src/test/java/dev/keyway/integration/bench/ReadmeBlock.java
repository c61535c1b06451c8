package dev.keyway.integration.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part of README.md between {@value #BEGIN} and {@value #END}, which {@code ./keyway bench
 * --readme} replaces with the latest results, so that re-running the benchmark is all it takes
 * to bring the README up to date.
 */
final class ReadmeBlock {
    static final String BEGIN = "<!-- bench:begin (written by ./keyway bench --readme) -->";
    static final String END = "<!-- bench:end -->";

    private ReadmeBlock() {
    }

    static void replace(Path readme, String block) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(readme + " has no " + BEGIN + " ... " + END + " block to replace");
        }
        Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + block + text.substring(end),
                StandardCharsets.UTF_8);
    }
}
