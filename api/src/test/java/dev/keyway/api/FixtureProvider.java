package dev.keyway.api;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider of placeholder algorithms for registry tests: only names, support flags and
 * identity matter, so nothing here computes anything.
 */
final class FixtureProvider implements AlgorithmProvider {
    private final String name;
    private final int priority;
    /** Mutable on purpose: a registry must copy what it needs at build time. */
    final List<SshAlgorithm> algorithms = new ArrayList<>();
    private final java.util.Map<AlgorithmCategory, Integer> categoryPriorities = new java.util.EnumMap<>(AlgorithmCategory.class);

    FixtureProvider(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    FixtureProvider mac(String algorithmName) {
        algorithms.add(new FixtureMac(algorithmName, true));
        return this;
    }

    FixtureProvider unsupportedMac(String algorithmName) {
        algorithms.add(new FixtureMac(algorithmName, false));
        return this;
    }

    /** Another rank in one category than {@link #priority()}. */
    FixtureProvider rankIn(AlgorithmCategory category, int rank) {
        categoryPriorities.put(category, rank);
        return this;
    }

    FixtureProvider compression(String algorithmName) {
        algorithms.add(new FixtureCompression(algorithmName));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public int priority(AlgorithmCategory category) {
        return categoryPriorities.getOrDefault(category, priority);
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String toString() {
        return name;
    }

    record FixtureMac(String name, boolean isSupported) implements MacAlgorithm {
        @Override
        public int keyLength() {
            return 32;
        }

        @Override
        public int macLength() {
            return 32;
        }

        @Override
        public boolean encryptThenMac() {
            return false;
        }

        @Override
        public PacketMac create(byte[] key) {
            throw new UnsupportedOperationException("fixture");
        }
    }

    record FixtureCompression(String name) implements CompressionAlgorithm {
    }
}
