package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherAlgorithm;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of {@link AeadCipherAlgorithm} and {@link BulkCipherAlgorithm} (RFC 4253 §6.3,
 * RFC 4344, RFC 5647, OpenSSH PROTOCOL.chacha20poly1305), checked for every cipher a provider
 * lists. A provider's test extends it in one line:
 *
 * <pre>{@code
 * class JcaCipherConformanceTest extends CipherConformance {
 *     JcaCipherConformanceTest() { super(new JcaAlgorithmProvider()); }
 * }
 * }</pre>
 *
 * <p>Known-answer vectors (NIST SP 800-38A AES-CTR, sealed chacha20-poly1305@openssh.com
 * packets) run for every cipher whose name the kit knows.
 */
public abstract class CipherConformance {
    private final AlgorithmProvider provider;

    protected CipherConformance(AlgorithmProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Provide
    Arbitrary<AeadCipherAlgorithm> aeadCiphers() {
        return ProviderAlgorithms.choice(provider, AeadCipherAlgorithm.class);
    }

    @Provide
    Arbitrary<BulkCipherAlgorithm> bulkCiphers() {
        return ProviderAlgorithms.choice(provider, BulkCipherAlgorithm.class);
    }

    @Provide
    Arbitrary<Integer> sequenceNumbers() {
        return ProviderAlgorithms.sequenceNumbers();
    }

    @Example
    public void offersCiphers() {
        assertFalse(ProviderAlgorithms.of(provider, CipherAlgorithm.class).isEmpty(),
                provider.name() + " lists no supported cipher");
    }

    @Property(tries = 200)
    public void aeadRoundTrip(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 35_000) int payloadSize,
            @ForAll("sequenceNumbers") int firstSeq,
            @ForAll @IntRange(min = 1, max = 3) int packets,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadRoundTrip(alg, seed, payloadSize, firstSeq, packets);
        }
    }

    @Property(tries = 300)
    public void aeadRejectsAnyFlippedBit(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 600) int payloadSize,
            @ForAll("sequenceNumbers") int seq,
            @ForAll int bitPick,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadRejectsFlippedBit(alg, seed, payloadSize, seq, bitPick);
        }
    }

    @Property(tries = 100)
    public void aeadNeverReusesANonce(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 2_000) int payloadSize,
            @ForAll("sequenceNumbers") int seq,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadFreshNoncePerPacket(alg, seed, payloadSize, seq);
        }
    }

    @Property(tries = 100)
    public void aeadRejectsReorderedPackets(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 2_000) int payloadSize,
            @ForAll("sequenceNumbers") int seq,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadRejectsReorderedPacket(alg, seed, payloadSize, seq);
        }
    }

    @Property(tries = 100)
    public void aeadIsDeterministic(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 2_000) int payloadSize,
            @ForAll("sequenceNumbers") int seq,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadDeterministic(alg, seed, payloadSize, seq);
        }
    }

    @Property(tries = 200)
    public void aeadUsesEveryKeyAndIvBit(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 200) int payloadSize,
            @ForAll("sequenceNumbers") int seq,
            @ForAll int bitPick,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadKeySensitive(alg, seed, payloadSize, seq, bitPick);
        }
    }

    @Property(tries = 200)
    public void aeadRefusesRandomBytes(@ForAll("aeadCiphers") AeadCipherAlgorithm alg,
            @ForAll @IntRange(max = 2_200) int blocks,
            @ForAll("sequenceNumbers") int seq,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.aeadHostile(alg, seed, blocks, seq);
        }
    }

    @Example
    public void aeadSizesAreTheDeclaredOnes() {
        ProviderAlgorithms.of(provider, AeadCipherAlgorithm.class).forEach(CipherChecks::aeadSizes);
    }

    @Property(tries = 100)
    public void bulkRoundTrip(@ForAll("bulkCiphers") BulkCipherAlgorithm alg,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(max = 2_200) Integer> blocksPerPacket,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.bulkRoundTrip(alg, seed, blocksPerPacket.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Property(tries = 200)
    public void bulkStateRunsOnAcrossCalls(@ForAll("bulkCiphers") BulkCipherAlgorithm alg,
            @ForAll @IntRange(max = 300) int blocksA,
            @ForAll @IntRange(max = 300) int blocksB,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.bulkContinuity(alg, seed, blocksA, blocksB);
        }
    }

    @Property(tries = 200)
    public void bulkUsesEveryKeyAndIvBit(@ForAll("bulkCiphers") BulkCipherAlgorithm alg,
            @ForAll int bitPick,
            @ForAll long seed) {
        if (alg != null) {
            CipherChecks.bulkKeySensitive(alg, seed, bitPick);
        }
    }

    @Example
    public void bulkSizesAreTheDeclaredOnes() {
        ProviderAlgorithms.of(provider, BulkCipherAlgorithm.class).forEach(CipherChecks::bulkSizes);
    }

    @Example
    public void knownAnswerVectors() {
        int run = 0;
        for (VectorFile.Vector v : VectorFile.load("aes-ctr.txt")) {
            for (BulkCipherAlgorithm alg : named(BulkCipherAlgorithm.class, v.text("algorithm"))) {
                CipherChecks.bulkVector(alg, v);
                run++;
            }
        }
        for (VectorFile.Vector v : VectorFile.load("chacha20-poly1305-openssh.txt")) {
            for (AeadCipherAlgorithm alg : named(AeadCipherAlgorithm.class, v.text("algorithm"))) {
                CipherChecks.aeadVector(alg, v);
                run++;
            }
        }
        if (run == 0) {
            Assumptions.abort(provider.name() + " offers no cipher the kit has vectors for");
        }
    }

    private <T extends CipherAlgorithm> List<T> named(Class<T> kind, String name) {
        return ProviderAlgorithms.of(provider, kind).stream().filter(a -> a.name().equals(name)).toList();
    }
}
