package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.CompressionAlgorithm;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of {@link CompressionAlgorithm} (RFC 4253 §6.2): a stream of payloads up to
 * the 32768 bytes of RFC 4253 §6.1 survives compression in order; the receiver's limit is
 * exact, decompression allocates for the payload, not for the limit, and a payload expanding
 * beyond the limit (a decompression bomb) and arbitrary bytes give COMPRESSION_ERROR and a
 * bounded allocation; two streams share nothing and close without disturbing each other;
 * {@code delayed()} is what the standard of the name says.
 *
 * <p>For {@code zlib} and {@code zlib@openssh.com}, the zlib stream itself: each compressed
 * payload, read by an independent inflater, gives back the whole payload (a flush after each
 * one) and the history runs on from packet to packet; the decompressor reads OpenSSH's own
 * bytes ({@code vectors/zlib-openssh.txt}), gives out all that its input decodes to, refuses
 * bombs at the limit, survives garbled streams with COMPRESSION_ERROR or bounded output, and
 * refuses streams that no SSH peer can continue. A provider's test extends it in one line:
 *
 * <pre>{@code
 * class ZlibCompressionConformanceTest extends CompressionConformance {
 *     ZlibCompressionConformanceTest() { super(new ZlibProvider()); }
 * }
 * }</pre>
 */
public abstract class CompressionConformance {
    private final List<CompressionAlgorithm> algorithms;

    /** The supported compression algorithms a provider lists. */
    protected CompressionConformance(AlgorithmProvider provider) {
        this(ProviderAlgorithms.of(provider, CompressionAlgorithm.class));
    }

    /** Given algorithms, e.g. a registry's {@code none}, which no provider lists. */
    protected CompressionConformance(List<CompressionAlgorithm> algorithms) {
        this.algorithms = List.copyOf(algorithms);
    }

    @Provide
    Arbitrary<CompressionAlgorithm> compressions() {
        return Arbitraries.of(algorithms);
    }

    @Provide
    Arbitrary<CompressionAlgorithm> zlibCompressions() {
        return ProviderAlgorithms.choice(zlibAlgorithms());
    }

    @Example
    public void offersCompression() {
        assertFalse(algorithms.isEmpty(), "no compression algorithm to check");
    }

    @Property(tries = 100)
    public void payloadsSurviveCompressionInOrder(@ForAll("compressions") CompressionAlgorithm alg,
            @ForAll @Size(min = 1, max = 24) List<@IntRange(max = CompressionChecks.MAX_PAYLOAD) Integer> sizes,
            @ForAll long seed) {
        CompressionChecks.roundTrip(alg, seed, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    @Property(tries = 100)
    public void theLimitIsExact(@ForAll("compressions") CompressionAlgorithm alg,
            @ForAll @IntRange(min = 1, max = CompressionChecks.MAX_PAYLOAD) int size,
            @ForAll long seed) {
        CompressionChecks.limitIsExact(alg, seed, size);
    }

    @Property(tries = 50)
    public void allocationFollowsThePayloadNotTheLimit(@ForAll("compressions") CompressionAlgorithm alg,
            @ForAll @IntRange(max = CompressionChecks.MAX_PAYLOAD) int size,
            @ForAll long seed) {
        CompressionChecks.allocatesForThePayload(alg, seed, size);
    }

    @Property(tries = 30)
    public void expansionBeyondTheLimitIsRefused(@ForAll("compressions") CompressionAlgorithm alg,
            @ForAll @IntRange(max = 35_000) int limit,
            @ForAll @IntRange(min = 1, max = 1 << 20) int excess) {
        CompressionChecks.boundsExpansion(alg, limit + excess, limit);
    }

    @Property(tries = 200)
    public void arbitraryBytesDecompressSafely(@ForAll("compressions") CompressionAlgorithm alg,
            @ForAll @Size(max = 2_000) byte[] data,
            @ForAll @IntRange(max = 35_000) int limit) {
        CompressionChecks.hostileData(alg, data, limit);
    }

    @Property(tries = 30)
    public void streamsAreIndependent(@ForAll("compressions") CompressionAlgorithm alg, @ForAll long seed) {
        CompressionChecks.independentStreams(alg, seed);
    }

    @Example
    public void delayedIsDeclaredAsStandard() {
        algorithms.forEach(CompressionChecks::delayedAsStandard);
    }

    @Property(tries = 100)
    public void zlibPayloadsDecompressAloneGivenTheHistory(@ForAll("zlibCompressions") CompressionAlgorithm alg,
            @ForAll @Size(min = 1, max = 24) List<@IntRange(max = CompressionChecks.MAX_PAYLOAD) Integer> sizes,
            @ForAll long seed) {
        if (alg != null) {
            ZlibChecks.flushesEachPayload(alg, seed, sizes.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Property(tries = 50)
    public void zlibDecompressionHoldsNothingBack(@ForAll("zlibCompressions") CompressionAlgorithm alg,
            @ForAll long seed) {
        if (alg != null) {
            ZlibChecks.holdsNothingBack(alg, seed);
        }
    }

    @Property(tries = 20)
    public void zlibHistoryRunsOnAcrossPackets(@ForAll("zlibCompressions") CompressionAlgorithm alg,
            @ForAll long seed) {
        if (alg != null) {
            ZlibChecks.historyRunsOn(alg, seed);
        }
    }

    @Example
    public void zlibKnownAnswersFromOpenSsh() {
        requireZlib();
        zlibAlgorithms().forEach(ZlibChecks::knownAnswers);
    }

    @Property(tries = 20)
    public void zlibBombsAreRefusedAtTheLimit(@ForAll("zlibCompressions") CompressionAlgorithm alg,
            @ForAll @IntRange(min = 1 << 20, max = 16 << 20) int expansion,
            @ForAll @IntRange(max = 35_000) int limit,
            @ForAll boolean afterHistory) {
        if (alg != null) {
            ZlibChecks.refusesBomb(alg, expansion, limit, afterHistory);
        }
    }

    @Property(tries = 200)
    public void garbledZlibIsRefusedOrBounded(@ForAll("zlibCompressions") CompressionAlgorithm alg,
            @ForAll long seed) {
        if (alg != null) {
            ZlibChecks.garbledStream(alg, seed);
        }
    }

    @Example
    public void zlibStreamsNoPeerCanContinueAreRefused() {
        requireZlib();
        zlibAlgorithms().forEach(ZlibChecks::refusesMalformed);
    }

    private List<CompressionAlgorithm> zlibAlgorithms() {
        return algorithms.stream().filter(ZlibChecks::isZlib).toList();
    }

    private void requireZlib() {
        if (zlibAlgorithms().isEmpty()) {
            Assumptions.abort("no zlib compression to check");
        }
    }
}
