package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Running a decoder on bytes a peer chose. Whatever the bytes, a decoder may only return or
 * throw {@link SshProtocolException} ("errors are values at the edges", RFC 4253 §11.1 gives
 * the reason codes); any other exception, and any allocation beyond a bound, is a failure.
 * Allocation is measured per thread, so the check does not depend on the heap size: a decoder
 * that believes a length field of 2^31-1 fails here even on a JVM big enough to survive it.
 */
final class HostileInput {
    /** What a decoder of one message may allocate: far above any honest need, far below 2^31. */
    static final long ALLOCATION_BOUND = 64L << 20;

    private static final int[] LENGTH_FIELDS = {0x7fffffff, 0xffffffff, 0x80000000, 0x00ffffff};

    private HostileInput() {
    }

    /** A decoding step that may refuse its input. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws SshProtocolException;
    }

    /** What a step did: a result (possibly null) or a refusal. */
    record Attempt<T>(T result, SshProtocolException refusal) {
    }

    /**
     * Runs {@code step} and returns its result or its SshProtocolException.
     *
     * @throws AssertionError if it threw anything else or allocated more than {@code bound}
     */
    static <T> Attempt<T> attempt(String what, long bound, Step<T> step) {
        AllocationCounter counter = AllocationCounter.start();
        Attempt<T> attempt;
        try {
            attempt = new Attempt<>(step.run(), null);
        } catch (SshProtocolException refusal) {
            attempt = new Attempt<>(null, refusal);
        } catch (OutOfMemoryError e) {
            throw new AssertionError(what + ": ran out of memory on hostile input", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(what + ": threw " + e + " instead of SshProtocolException", e);
        }
        long allocated = counter.allocated();
        if (allocated > bound) {
            throw new AssertionError(what + ": allocated " + allocated + " bytes on hostile input (bound " + bound + ")");
        }
        return attempt;
    }

    /** The result of {@code step}, or null if it threw SshProtocolException; see {@link #attempt}. */
    static <T> T expectOnlyProtocolErrors(String what, long bound, Step<T> step) {
        return attempt(what, bound, step).result();
    }

    static <T> T expectOnlyProtocolErrors(String what, Step<T> step) {
        return expectOnlyProtocolErrors(what, ALLOCATION_BOUND, step);
    }

    /**
     * Hostile forms of a valid encoding: some proper prefixes, and copies with a uint32 at one
     * offset replaced by a huge length, so that every length field of the format gets lied
     * about somewhere (RFC 4251 §5: strings and mpints are length-prefixed).
     */
    static List<byte[]> variantsOf(byte[] valid, Random rnd) {
        List<byte[]> out = new ArrayList<>();
        int step = Math.max(1, valid.length / 24);
        for (int cut = 0; cut < valid.length; cut += 1 + rnd.nextInt(step)) {
            out.add(Arrays.copyOf(valid, cut));
        }
        for (int at = 0; at + 4 <= valid.length; at += 1 + rnd.nextInt(step)) {
            byte[] lying = valid.clone();
            dev.keyway.api.wire.SshWriter.putUint32At(lying, at, LENGTH_FIELDS[rnd.nextInt(LENGTH_FIELDS.length)]);
            out.add(lying);
        }
        return out;
    }

    /** Bytes allocated by the current thread since {@link #start()}, where the JVM can tell. */
    private record AllocationCounter(com.sun.management.ThreadMXBean bean, long before) {
        static AllocationCounter start() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                    && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
                return new AllocationCounter(bean, bean.getCurrentThreadAllocatedBytes());
            }
            return new AllocationCounter(null, 0);
        }

        long allocated() {
            return bean == null ? 0 : bean.getCurrentThreadAllocatedBytes() - before;
        }
    }
}
