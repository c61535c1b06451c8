package dev.keyway.integration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Just enough of the OSGi manifest header grammar (OSGi Core §3.2.4) to read package names:
 * clauses separated by commas, each a list of paths then attributes ({@code a=b}) and
 * directives ({@code a:=b}), separated by semicolons. Quoted values may hold both separators,
 * as bnd's {@code uses:="p1,p2"} does.
 */
final class OsgiHeader {
    private OsgiHeader() {
    }

    /** The package names an {@code Export-Package} or {@code Import-Package} header lists. */
    static Set<String> packageNames(String header) {
        Set<String> names = new LinkedHashSet<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            for (String part : splitOutsideQuotes(clause, ';')) {
                String p = part.trim();
                if (!p.isEmpty() && !p.contains("=")) {
                    names.add(p);
                }
            }
        }
        return names;
    }

    /** The symbolic name in {@code Bundle-SymbolicName}, without directives such as {@code singleton:=true}. */
    static String symbolicName(String header) {
        return splitOutsideQuotes(header, ';').get(0).trim();
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
