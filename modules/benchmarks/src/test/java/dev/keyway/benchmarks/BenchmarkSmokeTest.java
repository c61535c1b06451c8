package dev.keyway.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Each benchmark class runs through JMH, in this JVM, for one short iteration of one case: the
 * harness JMH generated, the case parsing and the setup checks (a round trip restores the
 * packet, both sides derive one secret, a signature verifies) all work, and every benchmark
 * method produces a score. The score's size is never asserted: this is not a measurement.
 */
class BenchmarkSmokeTest {

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource({
        "PacketSealOpenBenchmark, algorithm, bouncycastle:aes128-ctr:hmac-sha2-256-etm@openssh.com",
        "KeyExchangeBenchmark, exchange, mlkem:mlkem768x25519-sha256",
        "SignatureBenchmark, signature, jca:ssh-ed25519",
        "TransportThroughputBenchmark, algorithms, chacha20-poly1305@openssh.com",
    })
    void eachBenchmarkScores(String simpleName, String parameter, String oneCase)
            throws ClassNotFoundException, RunnerException {
        Class<?> benchmark = Class.forName(BenchmarkSmokeTest.class.getPackageName() + "." + simpleName);
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .param(parameter, oneCase)
                .param("packetBytes", "1024")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        long methods = Arrays.stream(benchmark.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class)).count();
        assertEquals(methods, results.size(), "one result per benchmark method of " + simpleName);
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getScore() > 0,
                    result.getParams().getBenchmark() + " scored " + result.getPrimaryResult().getScore());
        }
    }
}
