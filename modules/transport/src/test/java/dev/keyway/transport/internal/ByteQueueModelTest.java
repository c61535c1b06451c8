package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteQueue} compacts and grows its one array in place; whatever sequence of calls is
 * made, it must hold exactly the bytes a plain FIFO ({@link ArrayDeque}) would.
 */
class ByteQueueModelTest {

    /** One call on the queue; sizes are scaled to what is queued when the call runs. */
    sealed interface Op permits Append, Read, ReadBuffer, Skip, ReserveAndCommit, Clear {
    }

    record Append(byte[] bytes, int offset) implements Op {
        @Override
        public String toString() {
            return "append" + Arrays.toString(bytes) + "@" + offset;
        }
    }

    /** Asks for up to {@code wanted} bytes, possibly more than are queued. */
    record Read(int wanted, int dstOffset) implements Op {
    }

    record ReadBuffer(int room) implements Op {
    }

    /** Skips this share (per mille) of the queued bytes: skipping past the end is not allowed. */
    record Skip(int perMille) implements Op {
    }

    /** Reserves {@code reserved} bytes, writes {@code committed} (at most that) and commits them. */
    record ReserveAndCommit(int reserved, int committed, byte fill) implements Op {
    }

    record Clear() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> programs() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 40);
        Arbitrary<Op> append = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.integers().between(0, 3))
                .as((b, off) -> new Append(b, Math.min(off, b.length)));
        Arbitrary<Op> read = Combinators.combine(small, Arbitraries.integers().between(0, 5)).as(Read::new);
        Arbitrary<Op> readBuffer = small.map(ReadBuffer::new);
        Arbitrary<Op> skip = Arbitraries.integers().between(0, 1000).map(Skip::new);
        Arbitrary<Op> reserve = Combinators.combine(small, Arbitraries.integers().between(0, 100), Arbitraries.bytes())
                .as((n, pct, fill) -> new ReserveAndCommit(n, n * pct / 100, fill));
        Arbitrary<Op> clear = Arbitraries.just(new Clear());
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(6, append), Tuple.of(4, read),
                Tuple.of(2, readBuffer), Tuple.of(3, skip),
                Tuple.of(3, reserve), Tuple.of(1, clear));
        return op.list().ofMaxSize(40);
    }

    @Property(tries = 400)
    void behavesLikeAFifo(@ForAll("programs") List<Op> program, @ForAll @IntRange(min = 0, max = 16) int capacity) {
        ByteQueue q = new ByteQueue(capacity);
        ArrayDeque<Byte> model = new ArrayDeque<>();
        for (Op op : program) {
            apply(op, q, model);
            assertSameContents(model, q);
        }
    }

    private static void apply(Op op, ByteQueue q, ArrayDeque<Byte> model) {
        if (op instanceof Append a) {
            q.append(a.bytes(), a.offset(), a.bytes().length - a.offset());
            for (int i = a.offset(); i < a.bytes().length; i++) {
                model.addLast(a.bytes()[i]);
            }
        } else if (op instanceof Read r) {
            byte[] dst = new byte[r.dstOffset() + r.wanted()];
            int n = q.read(dst, r.dstOffset(), r.wanted());
            assertEquals(Math.min(r.wanted(), model.size()), n, "bytes read");
            for (int i = 0; i < n; i++) {
                assertEquals(model.removeFirst(), dst[r.dstOffset() + i]);
            }
        } else if (op instanceof ReadBuffer rb) {
            ByteBuffer dst = ByteBuffer.allocate(rb.room());
            int expected = Math.min(rb.room(), model.size());
            assertEquals(expected, q.read(dst));
            assertEquals(expected, dst.position());
            dst.flip();
            while (dst.hasRemaining()) {
                assertEquals(model.removeFirst(), dst.get());
            }
        } else if (op instanceof Skip s) {
            int n = (int) ((long) model.size() * s.perMille() / 1000);
            q.skip(n);
            for (int i = 0; i < n; i++) {
                model.removeFirst();
            }
        } else if (op instanceof ReserveAndCommit rc) {
            int at = q.reserve(rc.reserved());
            byte[] b = q.array();
            assertTrue(at + rc.reserved() <= b.length, "reserved room fits in the array");
            assertEquals(q.head() + q.size(), at);
            Arrays.fill(b, at, at + rc.committed(), rc.fill());
            // Bytes written past the committed count must not become visible.
            Arrays.fill(b, at + rc.committed(), at + rc.reserved(), (byte) 0x5a);
            q.commit(rc.committed());
            for (int i = 0; i < rc.committed(); i++) {
                model.addLast(rc.fill());
            }
        } else {
            q.clear();
            model.clear();
        }
    }

    private static void assertSameContents(ArrayDeque<Byte> model, ByteQueue q) {
        assertEquals(model.size(), q.size());
        byte[] expected = new byte[model.size()];
        int i = 0;
        for (byte b : model) {
            expected[i++] = b;
        }
        assertTrue(q.head() >= 0 && q.head() + q.size() <= q.array().length);
        assertArrayEquals(expected, Arrays.copyOfRange(q.array(), q.head(), q.head() + q.size()));
    }

    @Test
    void reservingWhatFitsAfterCompactionDoesNotGrowTheArray() {
        // The class's point: a connection's buffers stop allocating at their working size.
        ByteQueue q = new ByteQueue(16);
        q.append(new byte[12], 0, 12);
        q.skip(10);
        byte[] before = q.array();
        q.reserve(14);
        assertTrue(before == q.array(), "compacted in place");
        assertEquals(0, q.head());
    }

    @Test
    void clearWipesTheBytes() {
        ByteQueue q = new ByteQueue(8);
        q.append(new byte[] {1, 2, 3}, 0, 3);
        q.clear();
        assertEquals(0, q.size());
        assertArrayEquals(new byte[8], q.array());
    }
}
