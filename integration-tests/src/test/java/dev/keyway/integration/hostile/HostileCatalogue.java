package dev.keyway.integration.hostile;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The hostile-peer catalogue: every case of the three layers and every sweep, and the
 * documentation's copy of them (docs/hostile-peers.md), generated here so that it cannot drift.
 */
final class HostileCatalogue {
    private HostileCatalogue() {
    }

    static List<HostileCase> cases() {
        return Stream.of(TransportCases.cases(), UserAuthCases.cases(), ConnectionCases.cases()).flatMap(List::stream)
                .toList();
    }

    /**
     * Every stray of the strict first exchange, and the numbers no RFC assigns (RFC 4250
     * §4.1.2) in each layer's range and above, before and after login.
     */
    static List<Sweep> sweeps() {
        String before = "before authentication";
        String after = "after authentication";
        int[] transport = IntStream.concat(IntStream.rangeClosed(8, 19), IntStream.rangeClosed(22, 29)).toArray();
        return Stream.concat(TransportCases.strays().stream(), Stream.of(
                Sweep.unassigned("8 to 19 and 22 to 29", IntStream.of(transport), Layer.TRANSPORT, Stage.KEYS, before),
                Sweep.unassigned("8 to 19 and 22 to 29", IntStream.of(transport), Layer.TRANSPORT, Stage.CONNECTION,
                        after),
                Sweep.unassigned("54 to 59", IntStream.rangeClosed(54, 59), Layer.USERAUTH, Stage.USERAUTH, before),
                Sweep.unassigned("128 to 255", IntStream.rangeClosed(128, 255), Layer.USERAUTH, Stage.USERAUTH, before),
                Sweep.unassigned("101 to 127", IntStream.rangeClosed(101, 127), Layer.CONNECTION, Stage.CONNECTION, after),
                Sweep.unassigned("128 to 255", IntStream.rangeClosed(128, 255), Layer.CONNECTION, Stage.CONNECTION,
                        after))).toList();
    }

    /** One table per layer, then the sweeps, as Markdown. */
    static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Layer layer : Layer.values()) {
            List<HostileCase> cases = cases().stream().filter(c -> c.layer() == layer).toList();
            out.append("\n### ").append(layer).append(" (").append(cases.size()).append(" cases)\n\n")
                    .append("| case | stage | crafted input | rule | the server answers | then |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (HostileCase c : cases) {
                row(out, c.name(), c.stage(), c.input(), c.rule(), c.outcome());
            }
        }
        List<Sweep> sweeps = sweeps();
        out.append("\n### Sweeps (").append(sweeps.stream().mapToInt(s -> s.cases().size()).sum())
                .append(" cases)\n\n| sweep | stage | crafted inputs | rule | the server answers | then |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Sweep s : sweeps) {
            row(out, s.name() + " (" + s.cases().size() + ")", s.first().stage(), s.input(), s.first().rule(),
                    s.first().outcome());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Stage stage, String input, String rule, Outcome outcome) {
        out.append("| ").append(cell(name)).append(" | ").append(stage.description()).append(" | ").append(cell(input))
                .append(" | ").append(cell(rule)).append(" | ").append(cell(outcome.description())).append(" | ")
                .append(outcome.healthy() ? "goes on" : "closed").append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
