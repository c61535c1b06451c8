package dev.keyway.benchmarks;

import dev.keyway.api.spi.AlgorithmProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The jar's entry point: JMH's own command line, plus one default. JMH needs {@code @Param}
 * values at compile time, but the cipher list depends on which providers are installed, so
 * unless {@code -p algorithm=...} is given this asks the providers and passes every case on.
 */
public final class BenchmarkMain {
    /** JMH options that only list or explain things; they need no cases. */
    private static final Set<String> LISTING_OPTIONS = Set.of("-l", "-lp", "-lrf", "-lprof", "-h", "-help", "--help");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        boolean listingOnly = jmhArgs.stream().anyMatch(LISTING_OPTIONS::contains);
        boolean casesGiven = jmhArgs.stream().anyMatch(a -> a.contains("algorithm="));
        if (!listingOnly && !casesGiven) {
            List<SealOpenCase> cases = SealOpenCase.all(ServiceLoader.load(AlgorithmProvider.class));
            if (cases.isEmpty()) {
                System.err.println("No installed provider supplies a cipher yet, so there is nothing to"
                        + " measure. Providers: " + ServiceLoader.load(AlgorithmProvider.class).stream()
                        .map(p -> p.get().name()).toList()
                        + ". To force a case: -p algorithm=provider:cipher[:mac]");
                System.exit(2);
            }
            System.err.println("Cases: " + cases);
            jmhArgs.add("-p");
            jmhArgs.add("algorithm=" + String.join(",", cases.stream().map(SealOpenCase::toString).toList()));
        }
        org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
    }
}
