package dev.keyway.fuzz;

import java.io.ByteArrayOutputStream;

/** Writes the records {@link FuzzInput} reads, to build the seed corpus. */
final class SeedWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SeedWriter u8(int v) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException("not a byte: " + v);
        }
        out.write(v);
        return this;
    }

    SeedWriter u16(int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException("not a 16-bit number: " + v);
        }
        return u8(v >>> 8).u8(v & 0xff);
    }

    SeedWriter shortRun(byte[] run) {
        u8(run.length);
        out.writeBytes(run);
        return this;
    }

    SeedWriter longRun(byte[] run) {
        u16(run.length);
        out.writeBytes(run);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
