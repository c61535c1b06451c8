package dev.keyway.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A writer that held a secret leaves no copy of it behind: a buffer it outgrows is zeroed, and
 * {@link SshWriter#wipe()} zeroes the one in use, whatever was written and however it grew.
 */
class SshWriterWipeTest {

    @Property
    void outgrownBuffersAndTheLastOneAreZeroed(@ForAll @Size(min = 1, max = 300) byte[] secret,
            @ForAll @IntRange(min = 1, max = 64) int initialCapacity) {
        SshWriter w = new SshWriter(initialCapacity);
        byte[] first = w.array();
        w.writeString(secret).writeString(secret);
        byte[] last = w.array();
        byte[] written = w.toByteArray();
        assertEquals(8 + 2 * secret.length, written.length);

        w.wipe();
        assertEquals(0, w.size());
        assertArrayEquals(new byte[last.length], last, "the buffer in use");
        if (first != last) {
            assertArrayEquals(new byte[first.length], first, "a buffer the writer outgrew");
        }
    }
}
