package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.keys.NistP256;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * P-256 on Bouncy Castle's optimised curve (SEC 2 §2.4.2), named by its OID so that keys
 * encode with the named curve, as the JDK expects. Key pairs take d as the first 32 bytes
 * drawn from the caller's random, big-endian, redrawn while outside [1, n-1] (FIPS 186-4
 * B.4.2): the rule the JCA provider follows too, so that the conformance kit can inject the
 * RFC 5903 scalars through a fixed-bytes random.
 */
final class P256Domain {
    static final ECNamedDomainParameters PARAMS;

    static {
        X9ECParameters x9 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
        PARAMS = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, x9);
    }

    private P256Domain() {
    }

    static AsymmetricCipherKeyPair generate(SecureRandom random) {
        byte[] buf = new byte[NistP256.FIELD_BYTES];
        BigInteger d;
        do {
            random.nextBytes(buf);
            d = new BigInteger(1, buf);
        } while (d.signum() == 0 || d.compareTo(NistP256.N) >= 0);
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(PARAMS.getG(), d).normalize();
        return new AsymmetricCipherKeyPair(new ECPublicKeyParameters(q, PARAMS), new ECPrivateKeyParameters(d, PARAMS));
    }

    /** The uncompressed encoding of a public key. */
    static byte[] encode(ECPublicKeyParameters key) {
        return key.getQ().getEncoded(false);
    }

    /**
     * A peer's point, already checked by the exchange ({@code NistP256.checkKeyExchangeValue},
     * RFC 5656 §4); Bouncy Castle validates it once more as it decodes, and throws if not.
     */
    static ECPublicKeyParameters decode(byte[] encoded) {
        return new ECPublicKeyParameters(PARAMS.getCurve().decodePoint(encoded), PARAMS);
    }
}
