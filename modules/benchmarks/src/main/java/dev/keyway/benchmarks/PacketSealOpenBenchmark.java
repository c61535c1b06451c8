package dev.keyway.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seals and opens packets of {@code packetBytes} (1 KiB, an interactive session's size, and
 * 32 KiB, the largest every implementation accepts, RFC 4253 §6.1) through one provider's SPI.
 *
 * <p>Reading the score: one invocation seals and opens {@value #BYTES_PER_INVOCATION} bytes of
 * packets (32 packets of 1 KiB or one of 32 KiB) and counts as that many operations, one per
 * byte; the unit is ops/µs, so the score is bytes per microsecond, which is MB/s (10^6 bytes per
 * second) of packets that were both sealed and opened. A one-way rate (only sending) would be
 * about twice that. Under {@code -prof gc}, {@code gc.alloc.rate.norm} is likewise in bytes
 * allocated per packet byte: multiply by {@code packetBytes} for the bytes per packet.
 *
 * <p>The cases depend on the installed providers, which JMH cannot know at compile time, so
 * {@link BenchmarkMain} replaces the one default below with every case they offer; or pass
 * {@code -p algorithm=provider:cipher[:mac],...}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PacketSealOpenBenchmark {
    static final int BYTES_PER_INVOCATION = PacketRoundTrip.MAX_ENCRYPTED_BYTES;

    /** {@code provider:cipher} (AEAD) or {@code provider:cipher:mac} (bulk cipher). */
    @Param("jca:aes256-gcm@openssh.com")
    public String algorithm;

    /** Bytes sealed per packet; a divisor of {@value #BYTES_PER_INVOCATION} and a multiple of 16. */
    @Param({"1024", "32768"})
    public int packetBytes;

    private PacketRoundTrip packet;
    private int packetsPerInvocation;
    private int sequenceNumber;

    @Setup(Level.Trial)
    public void keyTheCiphers() {
        if (BYTES_PER_INVOCATION % packetBytes != 0) {
            throw new IllegalArgumentException("packetBytes=" + packetBytes + " does not divide "
                    + BYTES_PER_INVOCATION + ", so the score would not read as MB/s");
        }
        packetsPerInvocation = BYTES_PER_INVOCATION / packetBytes;
        packet = SealOpenCase.parse(algorithm).open(packetBytes);
        // Measure only a cipher that works: one round trip must give the plaintext back.
        byte[] plaintext = packet.buf.clone();
        packet.sealThenOpen(sequenceNumber++);
        if (!Arrays.equals(plaintext, 0, packet.len, packet.buf, 0, packet.len)) {
            throw new IllegalStateException(algorithm + ": opening a sealed packet did not restore it");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BYTES_PER_INVOCATION)
    public int sealThenOpen() {
        int opened = 0;
        for (int i = 0; i < packetsPerInvocation; i++) {
            opened += packet.sealThenOpen(sequenceNumber++);
        }
        return opened;
    }
}
