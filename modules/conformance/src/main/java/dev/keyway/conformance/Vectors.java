package dev.keyway.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a vector file from {@code vectors/}: records of {@code key = value} lines separated
 * by blank lines; {@code #} starts a comment line. Values are hex unless a caller reads
 * them as text. Every file's header comment cites where its values come from.
 */
final class Vectors {
    private Vectors() {
    }

    /** One record: its fields in file order. */
    record Record(String file, Map<String, String> fields) {
        byte[] hex(String key) {
            return HexFormat.of().parseHex(text(key));
        }

        String text(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalStateException(file + ": record lacks " + key + ": " + fields.keySet());
            }
            return v;
        }

        @Override
        public String toString() {
            return file + fields.keySet();
        }
    }

    static List<Record> load(String file) {
        InputStream in = Vectors.class.getResourceAsStream("vectors/" + file);
        if (in == null) {
            throw new IllegalStateException("missing vector file " + file);
        }
        List<Record> records = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> current = new LinkedHashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.startsWith("#")) {
                    continue;
                }
                if (t.isEmpty()) {
                    flush(file, current, records);
                    current = new LinkedHashMap<>();
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException(file + ": not key = value: " + t);
                }
                String key = t.substring(0, eq).strip();
                if (key.equals("value") && current.containsKey(key)) {
                    // One-value-per-line files: each line is a record of its own.
                    flush(file, current, records);
                    current = new LinkedHashMap<>();
                }
                current.put(key, t.substring(eq + 1).strip());
            }
            flush(file, current, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static void flush(String file, Map<String, String> fields, List<Record> out) {
        if (!fields.isEmpty()) {
            out.add(new Record(file, Map.copyOf(fields)));
        }
    }
}
