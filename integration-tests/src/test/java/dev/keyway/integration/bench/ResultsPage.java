package dev.keyway.integration.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * The Markdown block of a run: the command, the machine, the table, the notes and the chart.
 * {@code target/bench/results.md} is this block; {@code ./keyway bench --readme} puts it into
 * README.md ({@link ReadmeBlock}).
 */
final class ResultsPage {
    private ResultsPage() {
    }

    static String markdown(String command, BenchOptions options, List<String> machine, ResultTable table,
            List<String> notes, String chartPath) {
        StringBuilder md = new StringBuilder();
        md.append("Measured on ").append(LocalDate.now()).append(" with `").append(command).append("` (")
                .append(options.describe()).append("), on:\n\n");
        machine.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append('\n').append(table.markdown()).append('\n');
        md.append("Medians. The ratios are Keyway's median over the other's: above 1 is better for MB/s and"
                + " connections/s, below 1 for ms and KiB/session. Transfers and latencies include connecting,"
                + " the key exchange and the publickey login, as one `ssh host command` does; `keyway ssh`'s"
                + " include starting its JVM. The library clients run warm in the benchmark's JVM.\n");
        if (!notes.isEmpty()) {
            md.append("\nLeft out or changed in this run:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n![Keyway's ratios to OpenSSH and MINA SSHD](").append(chartPath).append(")\n");
        return md.toString();
    }
}
