package dev.keyway.fuzz;

import java.util.Arrays;

/**
 * A fuzz input read as the targets' records: unsigned bytes, big-endian 16-bit numbers and
 * runs of bytes. Past the end it gives zeros and short runs, so that every input decodes to
 * something and a mutation that cuts a record still drives the target. {@link SeedWriter}
 * writes the same format for the seed corpus.
 */
final class FuzzInput {
    private final byte[] data;
    private int position;

    FuzzInput(byte[] data) {
        this.data = data;
    }

    boolean hasMore() {
        return position < data.length;
    }

    int u8() {
        return hasMore() ? data[position++] & 0xff : 0;
    }

    int u16() {
        return u8() << 8 | u8();
    }

    /** Up to {@code n} bytes, fewer at the end of the input. */
    byte[] bytes(int n) {
        int end = Math.min(data.length, position + n);
        byte[] out = Arrays.copyOfRange(data, position, end);
        position = end;
        return out;
    }

    /** Everything not read yet. */
    byte[] rest() {
        return bytes(data.length - position);
    }

    /** A run of bytes whose length is the byte before it. */
    byte[] shortRun() {
        return bytes(u8());
    }

    /** A run of bytes whose length is the 16-bit number before it. */
    byte[] longRun() {
        return bytes(u16());
    }
}
