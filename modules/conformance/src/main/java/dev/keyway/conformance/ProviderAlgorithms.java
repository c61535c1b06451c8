package dev.keyway.conformance;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The supported algorithms of one kind that a provider lists, as a jqwik choice. */
final class ProviderAlgorithms {
    private ProviderAlgorithms() {
    }

    static <T extends SshAlgorithm> List<T> of(AlgorithmProvider provider, Class<T> kind) {
        return provider.algorithms().stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .filter(SshAlgorithm::isSupported)
                .collect(Collectors.toList());
    }

    /**
     * Any one of them; a provider with none of this kind yields {@code null}, which the
     * properties pass over (the suite's {@code offers…} example still requires some cipher
     * or MAC at all).
     */
    static <T extends SshAlgorithm> Arbitrary<T> choice(AlgorithmProvider provider, Class<T> kind) {
        return choice(of(provider, kind));
    }

    /** Any one of the given algorithms, or {@code null} if there are none. */
    static <T extends SshAlgorithm> Arbitrary<T> choice(List<T> algorithms) {
        return algorithms.isEmpty() ? Arbitraries.just(null) : Arbitraries.of(algorithms);
    }

    static Arbitrary<Integer> sequenceNumbers() {
        // Values just below 2^32 make a run of packets wrap to 0, as RFC 4253 §6.4 requires.
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(-1, -2, -3, 0, 1, Integer.MAX_VALUE));
    }
}
