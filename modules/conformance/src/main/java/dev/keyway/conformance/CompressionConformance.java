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

/**
 * The contract of {@link CompressionAlgorithm} (RFC 4253 §6.2): a stream of payloads up to
 * the 32768 bytes of RFC 4253 §6.1 survives compression in order; a payload expanding beyond
 * the receiver's limit (a decompression bomb) and arbitrary bytes give SshProtocolException
 * and a bounded allocation; {@code delayed()} is what the standard of the name says. A
 * provider's test extends it in one line:
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

    @Example
    public void offersCompression() {
        assertFalse(algorithms.isEmpty(), "no compression algorithm to check");
    }

    @Property(tries = 100)
    public void payloadsSurviveCompressionInOrder(@ForAll("compressions") CompressionAlgorithm alg,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(max = CompressionChecks.MAX_PAYLOAD) Integer> sizes,
            @ForAll long seed) {
        CompressionChecks.roundTrip(alg, seed, sizes.stream().mapToInt(Integer::intValue).toArray());
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

    @Example
    public void delayedIsDeclaredAsStandard() {
        algorithms.forEach(CompressionChecks::delayedAsStandard);
    }
}
