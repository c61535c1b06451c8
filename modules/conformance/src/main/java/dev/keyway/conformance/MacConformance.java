package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.MacAlgorithm;
import java.util.Objects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of {@link MacAlgorithm} (RFC 4253 §6.4, RFC 6668), checked for every MAC a
 * provider lists; RFC 4231 known answers run for every HMAC-SHA-2 name the kit knows. A
 * provider's test extends it in one line with its {@link AlgorithmProvider}.
 *
 * <p>Unlike ciphers, a MAC is not required to refuse keys of other lengths than
 * {@link MacAlgorithm#keyLength()}: HMAC is defined for any key length (RFC 2104 §2) and the
 * RFC 4231 vectors use keys of 4 to 131 bytes. That every declared key byte is used is
 * checked instead, by flipping each one.
 */
public abstract class MacConformance {
    private final AlgorithmProvider provider;

    protected MacConformance(AlgorithmProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Provide
    Arbitrary<MacAlgorithm> macs() {
        return ProviderAlgorithms.choice(provider, MacAlgorithm.class);
    }

    @Provide
    Arbitrary<Integer> sequenceNumbers() {
        return ProviderAlgorithms.sequenceNumbers();
    }

    @Example
    public void offersMacs() {
        assertFalse(ProviderAlgorithms.of(provider, MacAlgorithm.class).isEmpty(),
                provider.name() + " lists no supported MAC");
    }

    @Property(tries = 100)
    public void isDeterministic(@ForAll("macs") MacAlgorithm alg,
            @ForAll @IntRange(max = 35_000) int dataLength,
            @ForAll("sequenceNumbers") int seq,
            @ForAll long seed) {
        if (alg != null) {
            MacChecks.deterministic(alg, seed, dataLength, seq);
        }
    }

    @Property(tries = 200)
    public void dependsOnEveryKeyBit(@ForAll("macs") MacAlgorithm alg,
            @ForAll @IntRange(max = 300) int dataLength,
            @ForAll("sequenceNumbers") int seq,
            @ForAll int bitPick,
            @ForAll long seed) {
        if (alg != null) {
            MacChecks.keySensitive(alg, seed, dataLength, seq, bitPick);
        }
    }

    @Property(tries = 200)
    public void dependsOnTheSequenceNumber(@ForAll("macs") MacAlgorithm alg,
            @ForAll @IntRange(max = 300) int dataLength,
            @ForAll("sequenceNumbers") int seq,
            @ForAll("sequenceNumbers") int otherSeq,
            @ForAll long seed) {
        if (alg != null) {
            MacChecks.sequenceSensitive(alg, seed, dataLength, seq, otherSeq);
        }
    }

    @Property(tries = 200)
    public void writesExactlyMacLengthBytes(@ForAll("macs") MacAlgorithm alg,
            @ForAll @IntRange(max = 2_000) int dataLength,
            @ForAll("sequenceNumbers") int seq,
            @ForAll @IntRange(max = 40) int outOff,
            @ForAll long seed) {
        if (alg != null) {
            MacChecks.writesExactly(alg, seed, dataLength, seq, outOff);
        }
    }

    @Property(tries = 200)
    public void computesAtTheEndsOfItsArrays(@ForAll("macs") MacAlgorithm alg,
            @ForAll @IntRange(max = 1_000) int dataLength,
            @ForAll long seed) {
        if (alg != null) {
            MacChecks.atArrayEnds(alg, seed, dataLength);
        }
    }

    @Example
    public void sizesAreTheDeclaredOnes() {
        ProviderAlgorithms.of(provider, MacAlgorithm.class).forEach(MacChecks::sizes);
    }

    @Example
    public void knownAnswerVectors() {
        int run = 0;
        for (VectorFile.Vector v : VectorFile.load("hmac-sha2.txt")) {
            for (MacAlgorithm alg : ProviderAlgorithms.of(provider, MacAlgorithm.class)) {
                if (v.names("algorithms").contains(alg.name())) {
                    MacChecks.vector(alg, v);
                    run++;
                }
            }
        }
        if (run == 0) {
            Assumptions.abort(provider.name() + " offers no MAC the kit has vectors for");
        }
    }
}
