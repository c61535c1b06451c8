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
 * Seals and opens one 32 KiB packet through a provider's SPI per invocation.
 *
 * <p>Reading the score: one invocation counts as {@value PacketRoundTrip#ENCRYPTED_BYTES}
 * operations, one per packet byte, and the unit is ops/µs, so the score is bytes per
 * microsecond, which is MB/s (10^6 bytes per second) of packets that were both sealed and
 * opened. A one-way rate (only sending) would be about twice that.
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

    /** {@code provider:cipher} (AEAD) or {@code provider:cipher:mac} (bulk cipher). */
    @Param("jca:aes256-gcm@openssh.com")
    public String algorithm;

    private PacketRoundTrip packet;
    private int sequenceNumber;

    @Setup(Level.Trial)
    public void keyTheCiphers() {
        packet = SealOpenCase.parse(algorithm).open();
        // Measure only a cipher that works: one round trip must give the plaintext back.
        byte[] plaintext = packet.buf.clone();
        packet.sealThenOpen(sequenceNumber++);
        if (!Arrays.equals(plaintext, 0, packet.len, packet.buf, 0, packet.len)) {
            throw new IllegalStateException(algorithm + ": opening a sealed packet did not restore it");
        }
    }

    @Benchmark
    @OperationsPerInvocation(PacketRoundTrip.ENCRYPTED_BYTES)
    public int sealThenOpen() {
        return packet.sealThenOpen(sequenceNumber++);
    }
}
