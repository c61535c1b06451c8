package dev.keyway.provider.jca.internal;

import dev.keyway.api.keys.NistP256;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/**
 * P-256 key pairs whose private scalar d is the first 32 bytes drawn from the caller's
 * random, read big-endian, redrawn while outside [1, n-1] (FIPS 186-4 B.4.2, "testing
 * candidates"). This is the same rule the Bouncy Castle provider follows, so that the
 * conformance kit can run RFC 5903 vectors through either with a fixed-bytes random.
 *
 * <p>The JDK offers no public scalar multiplication, so its key pair generator still does
 * the work: it is handed a random that yields d as the FIPS 186-4 B.4.1 seed the JDK (17)
 * reduces mod n, read little-endian, followed by 64 zero bits. Should a future JDK read its
 * seed differently, the pair is still made from d's secret bytes and remains random; only
 * the fixed-scalar vectors would notice.
 */
final class P256KeyPairs {
    private P256KeyPairs() {
    }

    static KeyPair generate(SecureRandom random) {
        BigInteger d = drawScalar(random);
        byte[] be = new byte[NistP256.FIELD_BYTES];
        NistP256.writeFixed(d, be, 0);
        byte[] seed = new byte[NistP256.FIELD_BYTES + 8];
        for (int i = 0; i < be.length; i++) {
            seed[i] = be[be.length - 1 - i];
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(NistP256.parameters(), new SeedRandom(seed));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is unavailable", e);
        }
    }

    static BigInteger drawScalar(SecureRandom random) {
        byte[] buf = new byte[NistP256.FIELD_BYTES];
        while (true) {
            random.nextBytes(buf);
            BigInteger d = new BigInteger(1, buf);
            if (d.signum() > 0 && d.compareTo(NistP256.N) < 0) {
                return d;
            }
        }
    }

    /** Hands out one prepared seed; the JDK asks for it once per key pair. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = i < seed.length ? seed[i] : 0;
            }
        }
    }
}
