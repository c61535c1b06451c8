package dev.keyway.conformance;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * A reproducible random for properties: jqwik generates the seed, so a failing try can be
 * replayed. Not secure, and only for tests.
 */
public final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient SplittableRandom source;
    private final long seed;

    public SeededRandom(long seed) {
        this.seed = seed;
        this.source = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) source.nextInt();
        }
    }

    @Override
    public int nextInt() {
        return source.nextInt();
    }

    @Override
    public int nextInt(int bound) {
        return source.nextInt(bound);
    }

    @Override
    public long nextLong() {
        return source.nextLong();
    }

    @Override
    public byte[] generateSeed(int n) {
        byte[] out = new byte[n];
        nextBytes(out);
        return out;
    }

    @Override
    public String toString() {
        return "SeededRandom[" + seed + "]";
    }
}
