package dev.keyway.integration.bench;

import java.util.List;
import java.util.Locale;

/**
 * One measured value: what was measured, on which JVM (the feature release of the JVM that ran
 * the Keyway and MINA processes and the library clients), by which client against which
 * server. One line of {@code samples.csv}.
 *
 * @param client {@code ssh}, {@code keyway-ssh} (the command, a process), {@code keyway-library}
 *     or {@code mina-library} (in the benchmark's JVM)
 * @param server {@code sshd}, {@code keyway} ({@code keyway server}) or {@code mina}
 */
record Sample(int jvm, String measurement, Unit unit, String client, String server, double value) {
    static final String CSV_HEADER = "jvm,measurement,unit,client,server,value";

    Sample {
        for (String field : List.of(measurement, client, server)) {
            if (field.contains(",")) {
                throw new IllegalArgumentException("a comma in a CSV field: " + field);
            }
        }
    }

    String csvLine() {
        return String.join(",", Integer.toString(jvm), measurement, unit.label(), client, server,
                String.format(Locale.ROOT, "%.4f", value));
    }

    static Sample ofCsvLine(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        return new Sample(Integer.parseInt(f[0]), f[1], Unit.labelled(f[2]), f[3], f[4], Double.parseDouble(f[5]));
    }
}
