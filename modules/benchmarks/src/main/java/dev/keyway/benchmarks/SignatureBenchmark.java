package dev.keyway.benchmarks;

import dev.keyway.api.spi.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Signature algorithms through the SPI: {@code sign} makes a signature blob over a 32-byte
 * exchange hash, as a server does for its host key once per key exchange (RFC 4253 §8),
 * {@code verify} checks one, as the client does. Scores are in ops/s: signs and verifies per
 * second. The key pair is generated once per trial by the provider itself; RSA keys are
 * 3072 bits, the size both providers generate (and {@code ssh-keygen}'s default).
 *
 * <p>Cases are {@code provider:name}; {@link BenchmarkMain} passes every signature algorithm of
 * every installed provider unless {@code -p signature=...} is given.
 */
public class SignatureBenchmark extends PerConnectionBenchmark {
    private static final int RSA_BITS = 3072;

    /** {@code provider:signature-name}. */
    @Param("jca:ssh-ed25519")
    public String signature;

    private SignatureAlgorithm algorithm;
    private KeyPair keys;
    private final byte[] exchangeHash = new byte[32];
    private byte[] signed;
    private final SecureRandom random = new SecureRandom();

    @Setup
    public void generateKeysAndSign() {
        algorithm = AlgorithmCase.parse(signature).open(SignatureAlgorithm.class);
        keys = algorithm.generateKeyPair(random);
        if (keys.getPublic() instanceof RSAKey rsa && rsa.getModulus().bitLength() != RSA_BITS) {
            throw new IllegalStateException(signature + ": a " + rsa.getModulus().bitLength()
                    + "-bit key, the figures are for " + RSA_BITS);
        }
        random.nextBytes(exchangeHash);
        signed = algorithm.sign(keys.getPrivate(), exchangeHash, random);
        // Measure only a pair that works: the signature must verify.
        if (!algorithm.verify(keys.getPublic(), exchangeHash, signed)) {
            throw new IllegalStateException(signature + ": its own signature does not verify");
        }
    }

    @Benchmark
    public byte[] sign() {
        return algorithm.sign(keys.getPrivate(), exchangeHash, random);
    }

    @Benchmark
    public boolean verify() {
        return algorithm.verify(keys.getPublic(), exchangeHash, signed);
    }
}
