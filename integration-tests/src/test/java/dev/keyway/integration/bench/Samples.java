package dev.keyway.integration.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of a run and the notes on what it left out, as they come; written to and read
 * from CSV, which is how a run on another JVM (a child process) hands its samples back.
 * Notes are CSV comment lines ({@code # ...}).
 */
final class Samples {
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(Sample sample) {
        samples.add(sample);
        Progress.say("  " + sample.measurement() + " " + sample.client() + " -> " + sample.server() + ": "
                + ResultTable.format(sample.value()) + " " + sample.unit().label());
    }

    /** Something the run could not measure, and why: shown under the table. */
    synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
            Progress.say("  note: " + note);
        }
    }

    synchronized void addAll(Samples other) {
        samples.addAll(other.all());
        other.notes().forEach(n -> {
            if (!notes.contains(n)) {
                notes.add(n);
            }
        });
    }

    synchronized List<Sample> all() {
        return List.copyOf(samples);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized void write(Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        notes.forEach(n -> lines.add("# " + n));
        lines.add(Sample.CSV_HEADER);
        samples.forEach(s -> lines.add(s.csvLine()));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    static Samples read(Path csv) throws IOException {
        Samples read = new Samples();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ")) {
                read.notes.add(line.substring(2));
            } else if (!line.isBlank() && !line.equals(Sample.CSV_HEADER)) {
                read.samples.add(Sample.ofCsvLine(line));
            }
        }
        return read;
    }
}
