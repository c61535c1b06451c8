package dev.keyway.api.spi;

import dev.keyway.api.auth.UserAuthMethod;
import java.util.List;

/**
 * The one service a provider module implements. It is found three ways without a change in
 * the provider: {@link java.util.ServiceLoader} (a {@code provides} clause in module-info and
 * a {@code META-INF/services} entry), the OSGi service registry, and a Guice multibinder.
 *
 * <p>Implementations are stateless and thread-safe; the algorithms they list are shared by
 * every session.
 */
public interface AlgorithmProvider {

    /** A short stable name, e.g. {@code jca} or {@code bouncycastle}, used to state preferences. */
    String name();

    /**
     * Default rank among providers that offer the same algorithm name: higher wins. A user
     * can override the order when building an {@link dev.keyway.api.AlgorithmRegistry}.
     */
    default int priority() {
        return 0;
    }

    /**
     * Rank in one category, for a provider whose algorithms of one kind are faster or slower
     * than another provider's while its others are not: the JDK's AES (hardware instructions)
     * beats Bouncy Castle's, Bouncy Castle's curve arithmetic beats the JDK's. The rank a
     * container gives a provider (an OSGi {@code service.ranking}) replaces all of them.
     */
    default int priority(dev.keyway.api.AlgorithmCategory category) {
        return priority();
    }

    /** The algorithms this provider contributes. */
    List<SshAlgorithm> algorithms();

    /** The user authentication methods this provider contributes (RFC 4252 §5); none by default. */
    default List<UserAuthMethod> userAuthMethods() {
        return List.of();
    }
}
