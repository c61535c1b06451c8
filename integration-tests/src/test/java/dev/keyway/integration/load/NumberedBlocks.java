package dev.keyway.integration.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The data the load tests send and check: a stream of 64 KiB blocks, each a random block drawn
 * once from {@code seed} with its own number and the seed in its first 16 bytes. Any byte lost,
 * added, changed or moved, and any block that strays from one stream to another, shows at the
 * receiver, which compares every byte with the one sent at its offset: stronger than comparing
 * digests (it names the first wrong offset) and cheap enough for gigabytes, since no stream is
 * ever held in memory or hashed twice.
 */
final class NumberedBlocks {
    private static final int BLOCK = 64 * 1024;
    private static final int STAMP = 2 * Long.BYTES;

    private final long seed;
    private final byte[] random = new byte[BLOCK];

    NumberedBlocks(long seed) {
        this.seed = seed;
        new SplittableRandom(seed).nextBytes(random);
    }

    /** Writes the first {@code length} bytes of the stream, one block per write. */
    void send(OutputStream out, long length) throws IOException {
        byte[] block = random.clone();
        for (long sent = 0, number = 0; sent < length; sent += BLOCK, number++) {
            stamp(block, number);
            out.write(block, 0, (int) Math.min(BLOCK, length - sent));
        }
    }

    /**
     * Reads {@code in} to its end and checks that it is exactly the first {@code length} bytes
     * of the stream.
     *
     * @throws AssertionError naming the first offset that differs, or the lengths
     */
    void check(InputStream in, long length) throws IOException {
        byte[] expected = random.clone();
        byte[] got = new byte[BLOCK];
        long offset = 0;
        while (true) {
            int block = (int) (offset % BLOCK);
            int n = in.read(got, block, BLOCK - block);
            if (n < 0) {
                break;
            }
            if (offset + n > length) {
                throw new AssertionError("stream " + seed + ": more than the " + length + " bytes sent");
            }
            if (block == 0) {
                stamp(expected, offset / BLOCK);
            }
            int wrong = Arrays.mismatch(got, block, block + n, expected, block, block + n);
            if (wrong >= 0) {
                throw new AssertionError("stream " + seed + ": byte " + (offset + wrong) + " is not the one sent");
            }
            offset += n;
        }
        if (offset != length) {
            throw new AssertionError("stream " + seed + ": " + offset + " bytes came back of " + length);
        }
    }

    private void stamp(byte[] block, long number) {
        ByteBuffer.wrap(block, 0, STAMP).putLong(seed).putLong(number);
    }
}
