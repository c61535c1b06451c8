package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * TCP delivers the identification in whatever pieces it likes; the outcome of the version
 * exchange (identification, preamble, bytes left over, or the error) must not depend on them.
 */
class VersionExchangeChunkingTest {

    /** What a version exchange ended with. */
    record Outcome(Optional<String> identification, List<String> preamble, String leftOver, DisconnectReason error) {
    }

    @Provide
    Arbitrary<String> peerInputs() {
        Arbitrary<String> eol = Arbitraries.of("\r\n", "\n");
        Arbitrary<String> preambleLine = Combinators.combine(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).filter(s -> !s.startsWith("SSH-")), eol)
                .as(String::concat);
        Arbitrary<String> identification = Combinators.combine(
                Arbitraries.of("SSH-2.0-", "SSH-1.99-", "SSH-1.5-", "SSH-2.0-", "SSH-2.0-"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
                Arbitraries.of(0, 0, 0, 0, 0, 0, 230, 260), eol)
                .as((version, software, padding, e) -> version + software + "p".repeat(padding) + e);
        Arbitrary<String> trailer = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20);
        return Combinators.combine(preambleLine.list().ofMaxSize(3), identification, trailer)
                .as((pre, id, rest) -> String.join("", pre) + id + rest);
    }

    private static Outcome run(boolean peerIsServer, byte[] input, List<Integer> cuts) {
        VersionExchange v = new VersionExchange(peerIsServer);
        ByteQueue q = new ByteQueue(8);
        int from = 0;
        List<Integer> ends = new ArrayList<>(cuts);
        ends.add(input.length);
        try {
            for (int end : ends) {
                int to = Math.min(Math.max(end, from), input.length);
                q.append(input, from, to - from);
                from = to;
                Optional<String> id = v.read(q);
                if (id.isPresent()) {
                    // Whatever has not been fed yet also belongs to what follows the line.
                    q.append(input, from, input.length - from);
                    return new Outcome(id, v.preamble(),
                            new String(q.array(), q.head(), q.size(), StandardCharsets.ISO_8859_1), null);
                }
            }
            return new Outcome(Optional.empty(), v.preamble(), "", null);
        } catch (SshProtocolException e) {
            return new Outcome(Optional.empty(), List.of(), "", e.reason());
        }
    }

    @Property(tries = 400)
    void anySplitGivesTheSameOutcomeAsOneRead(@ForAll("peerInputs") String input, @ForAll boolean peerIsServer,
            @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> sorted = cuts.stream().sorted().toList();
        Outcome whole = run(peerIsServer, bytes, List.of());
        // Both accepted and rejected inputs must come up, or the property says little.
        Statistics.label("outcome").collect(whole.error() == null ? "identified" : whole.error().name());
        Statistics.label("outcome").coverage(c -> {
            c.check("identified").percentage(pct -> pct > 20);
            c.check("PROTOCOL_ERROR").percentage(pct -> pct > 5);
            c.check("PROTOCOL_VERSION_NOT_SUPPORTED").percentage(pct -> pct > 2);
        });
        assertEquals(whole, run(peerIsServer, bytes, sorted));
    }

    @Property(tries = 100)
    void byteByByteGivesTheSameOutcomeAsOneRead(@ForAll("peerInputs") String input, @ForAll boolean peerIsServer) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> everyByte = new ArrayList<>();
        for (int i = 1; i < bytes.length; i++) {
            everyByte.add(i);
        }
        assertEquals(run(peerIsServer, bytes, List.of()), run(peerIsServer, bytes, everyByte));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 320).list().ofMaxSize(12);
    }
}
