package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.transport.AlgorithmPolicy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses a registry with which a side would offer nothing in some KEXINIT field: such a side
 * can agree with no peer (RFC 4253 §7.1), so it is an error for the embedder when the server
 * starts or the client connects, not a failed handshake later.
 */
final class OfferCheck {
    private OfferCheck() {
    }

    /** The problem, or null when every category offers something. */
    static String problem(AlgorithmPolicy policy, AlgorithmRegistry registry) {
        List<AlgorithmCategory> empty = policy.emptyOffers(registry);
        if (empty.isEmpty()) {
            return null;
        }
        String fields = empty.stream().map(AlgorithmCategory::fieldName).collect(Collectors.joining(", "));
        String providers = registry.providers().stream().map(p -> p.name()).collect(Collectors.joining(", "));
        return "nothing to offer in " + fields + " (providers: " + (providers.isEmpty() ? "none" : providers)
                + "; check the algorithm source and the policy)";
    }

    /** @throws IllegalStateException naming the empty fields and the providers present */
    static void require(AlgorithmPolicy policy, AlgorithmRegistry registry) {
        String problem = problem(policy, registry);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }
}
