package dev.keyway.integration;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM started with {@link #OPTIONS} says about itself before its main method runs, read
 * back from what it printed: the module graph the launcher resolved (the {@code root},
 * {@code requires} and {@code binds} lines of {@code --show-module-resolution}, on stdout) and
 * its system properties (the {@code Property settings:} block of {@code -XshowSettings}, on
 * stderr, up to a blank line). Everything else is the program's own output.
 *
 * @param properties the system properties, each with the first line of its value
 * @param bindings the providers the resolver added to the graph for the services a module uses
 * @param programOutput the lines that are neither, in order
 */
record JvmStartupReport(Map<String, String> properties, List<Binding> bindings, String programOutput) {
    /** The JVM options that make a JVM print this report, for {@code JDK_JAVA_OPTIONS}. */
    static final String OPTIONS = "--show-module-resolution -XshowSettings:properties";

    private static final Pattern RESOLUTION = Pattern.compile("(?:root \\S+|\\S+ requires \\S+) \\S+( automatic)?");
    private static final Pattern BINDS = Pattern.compile("(\\S+) binds (\\S+) (\\S+)");
    private static final Pattern PROPERTY = Pattern.compile(" {4}(\\S+) = (.*)");
    /** The launcher's own line when it reads JDK_JAVA_OPTIONS. */
    private static final String PICKED_UP = "NOTE: Picked up JDK_JAVA_OPTIONS:";

    /**
     * A {@code binds} line: the resolver added {@code provider} because {@code consumer}
     * {@code uses} a service that {@code provider} {@code provides}.
     */
    record Binding(String consumer, String provider, URI location) {
    }

    /** Reads what the JVM printed; stdout and stderr may come one after the other or merged. */
    static JvmStartupReport parse(String printed) {
        Map<String, String> properties = new TreeMap<>();
        List<Binding> bindings = new ArrayList<>();
        StringBuilder program = new StringBuilder();
        boolean inProperties = false;
        for (String line : printed.split("\n", -1)) {
            Matcher binds = BINDS.matcher(line);
            Matcher property = PROPERTY.matcher(line);
            if (inProperties) {
                inProperties = !line.isEmpty();
                if (property.matches()) {
                    properties.put(property.group(1), property.group(2));
                }
            } else if (line.equals("Property settings:")) {
                inProperties = true;
            } else if (binds.matches()) {
                bindings.add(new Binding(binds.group(1), binds.group(2), URI.create(binds.group(3))));
            } else if (!RESOLUTION.matcher(line).matches() && !line.startsWith(PICKED_UP)) {
                program.append(line).append('\n');
            }
        }
        // split keeps what follows the last line break as a last, empty line: not output.
        program.setLength(Math.max(0, program.length() - 1));
        return new JvmStartupReport(properties, bindings, program.toString());
    }

    /** The modules bound for the services {@code consumer} uses. */
    Set<String> boundFor(String consumer) {
        Set<String> providers = new TreeSet<>();
        for (Binding b : bindings) {
            if (b.consumer().equals(consumer)) {
                providers.add(b.provider());
            }
        }
        return providers;
    }
}
