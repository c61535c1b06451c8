package dev.keyway.benchmarks;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.SecureRandom;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Key exchange primitives through the SPI: one operation is one whole exchange, both sides of
 * it, as RFC 5656 §4 and RFC 8731 run it: the client generates Q_C ({@code initiate}), the
 * server checks it, generates Q_S and derives K ({@code respond}), the client checks Q_S and
 * derives K ({@code complete}). The score, in ops/s, is handshakes per second of the primitive
 * alone: no exchange hash, host key signature or packets, which {@link SignatureBenchmark} and
 * {@link PacketSealOpenBenchmark} measure.
 *
 * <p>For a post-quantum hybrid (ML-KEM or sntrup761 beside an elliptic curve) the three steps
 * are KEM key generation plus a curve key, encapsulation plus a curve agreement, and
 * decapsulation plus a curve agreement.
 *
 * <p>Cases are {@code provider:name}; {@link BenchmarkMain} passes every name of every installed
 * provider unless {@code -p exchange=...} is given.
 */
public class KeyExchangeBenchmark extends PerConnectionBenchmark {

    /** {@code provider:key-exchange-name}. */
    @Param("jca:curve25519-sha256")
    public String exchange;

    private KeyExchangeAlgorithm algorithm;
    private final SecureRandom random = new SecureRandom();

    @Setup
    public void findAndCheck() throws SshProtocolException {
        algorithm = AlgorithmCase.parse(exchange).open(KeyExchangeAlgorithm.class);
        // Measure only an exchange that works: both sides must derive the same K.
        KeyExchangeAlgorithm.Initiator client = algorithm.initiate(random);
        KeyExchangeAlgorithm.Response server = algorithm.respond(client.publicValue(), random);
        if (!Arrays.equals(client.complete(server.publicValue()).encoded(), server.secret().encoded())) {
            throw new IllegalStateException(exchange + ": the two sides derived different secrets");
        }
    }

    @Benchmark
    public void handshake(Blackhole bh) throws SshProtocolException {
        KeyExchangeAlgorithm.Initiator client = algorithm.initiate(random);
        KeyExchangeAlgorithm.Response server = algorithm.respond(client.publicValue(), random);
        SharedSecret clientSecret = client.complete(server.publicValue());
        bh.consume(clientSecret);
        bh.consume(server.secret());
    }
}
