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
 * A known-answer vector file under {@code dev/keyway/conformance/vectors}: one record per
 * line as space-separated {@code field=value} pairs; {@code #} starts a comment line that
 * cites where the values come from. Byte strings are hex. Public so that a provider's own
 * tests can run the standard vectors of its primitives too.
 */
public final class VectorFile {
    private VectorFile() {
    }

    /** One line of a vector file. */
    public record Vector(String source, int line, Map<String, String> fields) {
        public String text(String field) {
            String value = fields.get(field);
            if (value == null) {
                throw new IllegalStateException(this + " has no field " + field);
            }
            return value;
        }

        /** A hex field; {@code -} stands for no bytes. */
        public byte[] bytes(String field) {
            String hex = text(field);
            return hex.equals("-") ? new byte[0] : HexFormat.of().parseHex(hex);
        }

        public List<String> names(String field) {
            return List.of(text(field).split(","));
        }

        @Override
        public String toString() {
            return source + ":" + line;
        }
    }

    /** The vectors of a file in the kit's {@code vectors} folder. */
    public static List<Vector> load(String fileName) {
        String resource = "vectors/" + fileName;
        try (InputStream in = VectorFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Vector> vectors = new ArrayList<>();
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                text = text.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (String pair : text.split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalStateException(fileName + ":" + line + ": not field=value: " + pair);
                    }
                    fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                vectors.add(new Vector(fileName, line, Map.copyOf(fields)));
            }
            return List.copyOf(vectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
