package dev.keyway.integration.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end benchmark runs, on a tiny scale: 1 MiB transfers with one cipher, two of each,
 * two latency samples, eight clients of one connection, ten idle sessions, this JVM only (most
 * of its time goes to starting {@code keyway ssh}'s JVM eight times). What it wrote must
 * hold a row per measurement, with a positive median in each cell a peer can fill (memory cells
 * only need a figure: ten sessions are too few for a difference that cannot come out below
 * zero), and a well-formed SVG chart. It times nothing and asserts no time; the timeout only
 * turns a hang into a failure.
 */
class EndToEndBenchmarkSmokeTest {
    @TempDir
    Path out;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTinyRunWritesATableOfEveryMeasurementAndAnSvgChart() throws Exception {
        BenchOptions options = BenchOptions.parse(new String[] {"--size", "1M",
                "--ciphers", "chacha20-poly1305@openssh.com", "--repetitions", "2",
                "--latency-samples", "2", "--connections", "1", "--sessions", "10",
                "--java", BenchOptions.thisJava().toString(), "--out", out.toString()}, EndToEndBenchmark.root());
        EndToEndBenchmark.BenchResults results = EndToEndBenchmark.run(options, "smoke test");
        String markdown = Files.readString(results.markdown(), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (Crypto c : options.ciphers()) {
            for (String direction : List.of("upload ", "download ")) {
                String m = direction + c.cipherLabel();
                expectAll(results, m, ResultTable.View.SERVERS, expected);
                expectAll(results, m, ResultTable.View.LIBRARIES, expected);
                expectKeywayAndOpenSsh(results, m, ResultTable.View.COMMAND, expected);
            }
        }
        for (String kex : LatencyPart.KEY_EXCHANGES) {
            String m = "latency " + kex;
            if (results.table().rows(r -> r.measurement().equals(m)).isEmpty()) {
                assertTrue(results.notes().stream().anyMatch(n -> n.startsWith(m + ": left out")),
                        "no row for " + m + " and no note why: " + results.notes());
            } else if (kex.startsWith("mlkem")) {
                // OpenSSH 10's ssh against every server; the system's sshd (9.2) lacks it.
                ResultTable.Row r = row(results, m, ResultTable.View.SERVERS);
                assertPositive(r.keyway(), r);
                assertPositive(r.mina(), r);
                expected.add(m);
            } else {
                expectAll(results, m, ResultTable.View.SERVERS, expected);
            }
        }
        String first = "latency " + LatencyPart.KEY_EXCHANGES.get(0);
        expectAll(results, first, ResultTable.View.LIBRARIES, expected);
        expectKeywayAndOpenSsh(results, first, ResultTable.View.COMMAND, expected);
        expectAll(results, "connections/s with " + RatePart.CLIENTS + " clients", ResultTable.View.SERVERS, expected);
        ResultTable.Row heap = row(results, MemoryPart.HEAP, ResultTable.View.SERVERS);
        assertNotNull(heap.keyway(), heap.toString());
        assertNotNull(heap.mina(), heap.toString());
        ResultTable.Row resident = row(results, MemoryPart.RESIDENT, ResultTable.View.SERVERS);
        assertNotNull(resident.openSsh(), resident.toString());
        assertNotNull(resident.keyway(), resident.toString());
        assertNotNull(resident.mina(), resident.toString());
        expected.addAll(List.of(MemoryPart.HEAP, MemoryPart.RESIDENT));
        for (String m : expected) {
            assertTrue(markdown.contains("| " + m + " ("), m + " is missing from results.md:\n" + markdown);
        }
        assertFalse(Files.readAllLines(results.samples()).isEmpty());
        assertSvg(results.chart());
    }

    private static ResultTable.Row row(EndToEndBenchmark.BenchResults results, String measurement,
            ResultTable.View view) {
        List<ResultTable.Row> rows = results.table().rows(r -> r.measurement().equals(measurement) && r.view() == view);
        assertEquals(1, rows.size(), "one " + view + " row for " + measurement + "; notes: " + results.notes());
        return rows.get(0);
    }

    private static void expectAll(EndToEndBenchmark.BenchResults results, String measurement, ResultTable.View view,
            List<String> expected) {
        ResultTable.Row r = row(results, measurement, view);
        assertPositive(r.openSsh(), r);
        assertPositive(r.keyway(), r);
        assertPositive(r.mina(), r);
        expected.add(measurement);
    }

    private static void expectKeywayAndOpenSsh(EndToEndBenchmark.BenchResults results, String measurement,
            ResultTable.View view, List<String> expected) {
        ResultTable.Row r = row(results, measurement, view);
        assertPositive(r.openSsh(), r);
        assertPositive(r.keyway(), r);
        expected.add(measurement);
    }

    private static void assertPositive(Double median, ResultTable.Row row) {
        assertTrue(median != null && median > 0, "not a positive median in " + row);
    }

    /** Well-formed XML whose root element is {@code svg}; JFreeSVG writes a DOCTYPE, whose DTD is not fetched. */
    private static void assertSvg(Path chart) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        try (InputStream in = Files.newInputStream(chart)) {
            assertEquals("svg", factory.newDocumentBuilder().parse(in).getDocumentElement().getTagName());
        }
        assertTrue(Files.readString(chart).contains("<svg"));
    }
}
