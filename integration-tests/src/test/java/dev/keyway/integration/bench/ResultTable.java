package dev.keyway.integration.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The medians of the samples, in rows of three peers, and Keyway's ratio to the other two.
 * Samples of one measurement make up to three rows: the servers (one client against sshd,
 * {@code keyway server} and MINA), the client libraries against sshd ({@code ssh}, Keyway's
 * library, MINA's) and the {@code keyway ssh} command against sshd next to {@code ssh}.
 */
final class ResultTable {
    /** Which peers a row compares. */
    enum View {
        SERVERS("servers"),
        LIBRARIES("client libraries -> sshd"),
        COMMAND("keyway ssh -> sshd");

        private final String label;

        View(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** A row: the medians ({@code null} where not measured). */
    record Row(String measurement, Unit unit, View view, String servedBy, int jvm, Double openSsh, Double keyway,
            Double mina) {
        Double keywayToOpenSsh() {
            return ratio(keyway, openSsh);
        }

        Double keywayToMina() {
            return ratio(keyway, mina);
        }

        /** What the row compares, e.g. {@code servers (client: ssh)}. */
        String compared() {
            return view == View.SERVERS ? "servers (client: " + servedBy + ")" : view.label();
        }

        private static Double ratio(Double a, Double b) {
            return a == null || b == null || b == 0 ? null : a / b;
        }
    }

    private final List<Row> rows;

    private ResultTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static ResultTable of(List<Sample> samples) {
        Map<String, List<Sample>> byMeasurement = new LinkedHashMap<>();
        samples.forEach(s -> byMeasurement.computeIfAbsent(s.measurement(), k -> new ArrayList<>()).add(s));
        List<Row> rows = new ArrayList<>();
        byMeasurement.forEach((measurement, all) -> {
            List<Row> made = new ArrayList<>();
            all.stream().map(Sample::jvm).distinct().sorted().forEach(jvm -> {
                List<Sample> mine = all.stream().filter(s -> s.jvm() == jvm).toList();
                made.addAll(rows(measurement, mine.get(0).unit(), jvm, mine));
            });
            made.sort(Comparator.comparing(Row::view).thenComparing(Row::servedBy).thenComparing(Row::jvm));
            rows.addAll(made);
        });
        return new ResultTable(rows);
    }

    private static List<Row> rows(String measurement, Unit unit, int jvm, List<Sample> samples) {
        List<Row> rows = new ArrayList<>();
        // A client that met a server other than sshd compares the servers.
        samples.stream().filter(s -> !s.server().equals(Target.SSHD)).map(Sample::client).distinct().forEach(client ->
                rows.add(new Row(measurement, unit, View.SERVERS, client, jvm,
                        median(samples, client, Target.SSHD), median(samples, client, Target.KEYWAY),
                        median(samples, client, Target.MINA))));
        Double ssh = median(samples, "ssh", Target.SSHD);
        if (ssh != null) {
            Double keywayLibrary = median(samples, "keyway-library", Target.SSHD);
            Double minaLibrary = median(samples, "mina-library", Target.SSHD);
            if (keywayLibrary != null || minaLibrary != null) {
                rows.add(new Row(measurement, unit, View.LIBRARIES, "", jvm, ssh, keywayLibrary, minaLibrary));
            }
            Double keywaySsh = median(samples, "keyway-ssh", Target.SSHD);
            if (keywaySsh != null) {
                rows.add(new Row(measurement, unit, View.COMMAND, "", jvm, ssh, keywaySsh, null));
            }
        }
        return rows;
    }

    private static Double median(List<Sample> samples, String client, String server) {
        double[] v = samples.stream().filter(s -> s.client().equals(client) && s.server().equals(server))
                .mapToDouble(Sample::value).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    List<Row> rows() {
        return rows;
    }

    List<Row> rows(Predicate<Row> which) {
        return rows.stream().filter(which).toList();
    }

    /** The table in Markdown (GitHub's pipe tables). */
    String markdown() {
        StringBuilder md = new StringBuilder(
                "| Measurement | Compared | Java | OpenSSH | Keyway | MINA | Keyway/OpenSSH | Keyway/MINA |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.join(" | ", "| " + r.measurement() + " (" + r.unit().label() + ")", r.compared(),
                    Integer.toString(r.jvm()), cell(r.openSsh()), cell(r.keyway()), cell(r.mina()),
                    ratio(r.keywayToOpenSsh()), ratio(r.keywayToMina()) + " |")).append('\n');
        }
        return md.toString();
    }

    private static String cell(Double value) {
        return value == null ? "–" : format(value);
    }

    private static String ratio(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Three significant figures or so: 0.123, 12.3, 1234. */
    static String format(double value) {
        double a = Math.abs(value);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
