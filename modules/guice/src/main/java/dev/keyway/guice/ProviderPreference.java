package dev.keyway.guice;

import java.util.List;

/**
 * Which provider serves a name that several providers offer: the named providers first, in
 * this order, the others by {@link dev.keyway.api.spi.AlgorithmProvider#priority()}. It is
 * {@link dev.keyway.api.AlgorithmRegistry.Builder#preferProviders} as a binding; by priority
 * alone unless the application overrides it with {@link KeywayModule#providerPreference}.
 *
 * @param providerNames provider names ({@code jca}, {@code bouncycastle}, ...), preferred first
 */
public record ProviderPreference(List<String> providerNames) {

    public ProviderPreference {
        providerNames = List.copyOf(providerNames);
    }

    /** The named providers first, in this order. */
    public static ProviderPreference of(String... providerNames) {
        return new ProviderPreference(List.of(providerNames));
    }

    /** No provider named: the higher priority wins. */
    public static ProviderPreference byPriority() {
        return new ProviderPreference(List.of());
    }
}
