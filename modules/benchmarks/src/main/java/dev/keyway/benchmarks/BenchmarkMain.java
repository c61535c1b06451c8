package dev.keyway.benchmarks;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jar's entry point: JMH's own command line, plus defaults. JMH needs {@code @Param} values
 * at compile time, but the cases depend on which providers are installed, so for each case
 * parameter not given with {@code -p} ({@code algorithm} of {@link PacketSealOpenBenchmark},
 * {@code exchange} of {@link KeyExchangeBenchmark}, {@code signature} of
 * {@link SignatureBenchmark}) this asks the providers and passes every case on.
 */
public final class BenchmarkMain {
    /** JMH options that only list or explain things; they need no cases. */
    private static final Set<String> LISTING_OPTIONS = Set.of("-l", "-lp", "-lrf", "-lprof", "-h", "-help", "--help");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        if (jmhArgs.stream().noneMatch(LISTING_OPTIONS::contains)) {
            cases(InstalledProviders.all()).forEach((parameter, cases) -> {
                if (jmhArgs.stream().noneMatch(a -> a.startsWith(parameter + "="))) {
                    System.err.println(parameter + ": " + cases);
                    jmhArgs.add("-p");
                    jmhArgs.add(parameter + "=" + String.join(",", cases));
                }
            });
        }
        org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
    }

    /**
     * Every case of each case parameter that the providers offer. Fails when a parameter would
     * have no case, which JMH would otherwise run as the compiled-in default of another provider.
     */
    static Map<String, List<String>> cases(List<AlgorithmProvider> providers) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("algorithm", SealOpenCase.all(providers).stream().map(SealOpenCase::toString).toList());
        cases.put("exchange", AlgorithmCase.all(providers, KeyExchangeAlgorithm.class).stream()
                .map(AlgorithmCase::toString).toList());
        cases.put("signature", AlgorithmCase.all(providers, SignatureAlgorithm.class).stream()
                .map(AlgorithmCase::toString).toList());
        cases.forEach((parameter, list) -> {
            if (list.isEmpty()) {
                throw new IllegalStateException("No installed provider offers a case for " + parameter
                        + ", so there is nothing to measure. Providers: "
                        + providers.stream().map(AlgorithmProvider::name).toList()
                        + ". To force a case: -p " + parameter + "=provider:name");
            }
        });
        return cases;
    }
}
