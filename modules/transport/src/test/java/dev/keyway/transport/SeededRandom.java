package dev.keyway.transport;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A reproducible byte stream (SHA-256 of seed and counter), so that a recorded session can be
 * replayed: the same cookie, padding and ephemeral key come out every time. Tests only.
 */
final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private long counter;
    private byte[] block = new byte[0];
    private int used;

    SeededRandom(long seed) {
        this.seed = seed;
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (used == block.length) {
                block = sha256(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
                used = 0;
            }
            out[i] = block[used++];
        }
    }

    @Override
    public void setSeed(long ignored) {
        // Constructors of SecureRandom call this; the stream stays the seeded one.
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
