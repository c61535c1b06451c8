package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The key exchange contract of {@link KeyExchangeAlgorithm}, as a jqwik suite that a
 * provider's test extends in one line:
 * <pre>{@code
 * class JcaKeyExchangeConformanceTest extends KeyExchangeConformance {
 *     JcaKeyExchangeConformanceTest() { super(new JcaAlgorithmProvider()); }
 * }
 * }</pre>
 * It covers every supported key exchange of the provider: agreement for arbitrary
 * randomness, K in its method's form (a minimal mpint, RFC 4251 §5; a hash as a string for a
 * post-quantum hybrid), refusal of invalid peer values with KEY_EXCHANGE_FAILED (RFC 7748
 * §6.1, RFC 5656 §4, FIPS 203 §7.2), the laws of a post-quantum hybrid, ML-KEM's implicit
 * rejection, and the known-answer vectors of {@link KeyExchangeVectors}. The checks themselves
 * are in {@link KeyExchangeChecks} and {@link HybridKeyExchangeChecks}.
 */
public abstract class KeyExchangeConformance {
    private final AlgorithmProvider provider;
    private final List<KeyExchangeAlgorithm> exchanges;

    protected KeyExchangeConformance(AlgorithmProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.exchanges = provider.algorithms().stream()
                .filter(KeyExchangeAlgorithm.class::isInstance)
                .map(KeyExchangeAlgorithm.class::cast)
                .filter(KeyExchangeAlgorithm::isSupported)
                .toList();
    }

    /** The provider's supported key exchanges. */
    protected final List<KeyExchangeAlgorithm> exchanges() {
        return exchanges;
    }

    @Example
    void providerOffersKeyExchanges() {
        assertFalse(exchanges.isEmpty(), provider.name() + " offers no key exchange");
        for (KeyExchangeAlgorithm kex : exchanges) {
            MessageDigest d = kex.newDigest();
            assertTrue(d.getDigestLength() >= 32, kex.name() + ": hash shorter than 256 bits");
        }
    }

    @Property(tries = 40)
    void bothSidesReachTheSameWellFormedK(@ForAll long clientSeed, @ForAll long serverSeed) {
        for (KeyExchangeAlgorithm kex : exchanges) {
            KeyExchangeChecks.agree(kex, new SeededRandom(clientSeed), kex, new SeededRandom(serverSeed));
        }
    }

    @Example
    void knownInvalidPeerValuesAreRefused() {
        for (KeyExchangeAlgorithm kex : exchanges) {
            for (byte[] bad : KeyExchangeChecks.invalidValues(kex.name())) {
                KeyExchangeChecks.assertRejected(kex, bad, new SeededRandom(bad.length));
            }
        }
    }

    @Property(tries = 100)
    void arbitraryPeerValuesNeverCrash(@ForAll @Size(max = 100) byte[] value, @ForAll long seed) {
        for (KeyExchangeAlgorithm kex : exchanges) {
            KeyExchangeChecks.assertArbitraryValueHandled(kex, value, new SeededRandom(seed));
            byte[] valid = kex.initiate(new SeededRandom(seed)).publicValue();
            byte[] mangled = overwriteAfterFirstByte(valid.clone(), value);
            KeyExchangeChecks.assertArbitraryValueHandled(kex, mangled, new SeededRandom(seed));
            if (KeyExchangeChecks.ECDH_P256.equals(kex.name()) && !java.util.Arrays.equals(valid, mangled)) {
                // A changed coordinate leaves the curve except with probability about 1/p.
                KeyExchangeChecks.assertRejected(kex, mangled, new SeededRandom(seed));
            }
        }
    }

    @Property(tries = 8)
    void mangledAndOversizedPeerValuesNeverCrash(@ForAll long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        for (KeyExchangeAlgorithm kex : exchanges) {
            byte[] valid = kex.initiate(new SeededRandom(seed)).publicValue();
            java.util.List<byte[]> values = new java.util.ArrayList<>(HostileInput.variantsOf(valid, rnd));
            values.add(java.util.Arrays.copyOf(valid, 70_000)); // beyond any public value, within a packet
            for (byte[] value : values) {
                KeyExchangeChecks.assertArbitraryValueHandled(kex, value, new SeededRandom(seed));
            }
        }
    }

    /**
     * A valid value's length and first byte (the SEC1 point form) with arbitrary bytes after
     * it, so that the value gets past the length check into the curve checks.
     */
    private static byte[] overwriteAfterFirstByte(byte[] valid, byte[] value) {
        System.arraycopy(value, 0, valid, 1, Math.min(value.length, valid.length - 1));
        return valid;
    }

    @Example
    void knownAnswerVectorsMatch() {
        for (KeyExchangeAlgorithm kex : exchanges) {
            int ran = KeyExchangeVectors.run(kex);
            if (KeyExchangeChecks.X25519_NAMES.contains(kex.name())
                    || KeyExchangeChecks.ECDH_P256.equals(kex.name())
                    || HybridKeyExchangeChecks.MLKEM_NAMES.contains(kex.name())
                    || SntrupVectors.NAMES.contains(kex.name())) {
                assertTrue(ran > 0, kex.name() + ": no vectors ran");
            }
        }
    }

    // Post-quantum hybrids (draft-ietf-sshm-mlkem-hybrid-kex): the laws of HybridKeyExchangeChecks.

    private List<KeyExchangeAlgorithm> hybrids() {
        return exchanges.stream().filter(HybridKeyExchangeChecks::isHybrid).toList();
    }

    @Example
    void hybridValuesOfAWrongShapeAreRefused() {
        for (KeyExchangeAlgorithm kex : hybrids()) {
            HybridKeyExchangeChecks.assertMalformedValuesRefused(kex, new SeededRandom(kex.name().hashCode()));
        }
    }

    @Example
    void mlKemKeysWithCoefficientsBelowQAreAccepted() {
        for (KeyExchangeAlgorithm kex : hybrids()) {
            if (HybridKeyExchangeChecks.MLKEM_NAMES.contains(kex.name())) {
                SeededRandom random = new SeededRandom(3);
                HybridKeyExchangeChecks.assertLargestCoefficientAccepted(kex, kex.initiate(random).publicValue(),
                        random);
            }
        }
    }

    @Property(tries = 20)
    void aForgedCiphertextGivesAnUnrelatedK(@ForAll long clientSeed, @ForAll long serverSeed, @ForAll int flip) {
        for (KeyExchangeAlgorithm kex : hybrids()) {
            HybridKeyExchangeChecks.assertImplicitRejection(kex, new SeededRandom(clientSeed),
                    new SeededRandom(serverSeed), flip);
        }
    }
}
