package dev.keyway.provider.mlkem.internal;

import dev.keyway.api.keys.NistCurve;
import dev.keyway.api.spi.KeyAgreementPrimitive;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECDH on a NIST curve (SEC1 §3.3.1) as the classic half of {@code mlkem768nistp256-sha256}
 * and {@code mlkem1024nistp384-sha384}: public values are uncompressed points (checked by
 * {@link NistCurve#checkKeyExchangeValue} before they get here), K_CL is the shared point's
 * x-coordinate at the field's length, leading zeros kept, as the draft and MINA SSHD write it.
 *
 * <p>The private scalar is the first field's length of random bytes, big-endian, drawn again
 * while it is 0 or not below n (FIPS 186-4 B.4.2), so an RFC 5903 §8 key injected through the
 * random gives its published public value.
 */
final class NistEcdh implements KeyAgreementPrimitive<ECPrivateKeyParameters> {
    static final NistEcdh P256 = new NistEcdh(NistCurve.P256, SECObjectIdentifiers.secp256r1);
    static final NistEcdh P384 = new NistEcdh(NistCurve.P384, SECObjectIdentifiers.secp384r1);

    private final NistCurve curve;
    private final ECDomainParameters domain;

    private NistEcdh(NistCurve curve, ASN1ObjectIdentifier oid) {
        this.curve = curve;
        this.domain = new ECNamedDomainParameters(oid, CustomNamedCurves.getByOID(oid));
    }

    NistCurve curve() {
        return curve;
    }

    @Override
    public Ephemeral<ECPrivateKeyParameters> generate(SecureRandom random) {
        BigInteger d = scalar(random);
        byte[] q = new FixedPointCombMultiplier().multiply(domain.getG(), d).getEncoded(false);
        return new Ephemeral<>(new ECPrivateKeyParameters(d, domain), q);
    }

    private BigInteger scalar(SecureRandom random) {
        byte[] drawn = new byte[curve.fieldBytes()];
        for (;;) {
            random.nextBytes(drawn);
            BigInteger d = new BigInteger(1, drawn);
            if (d.signum() > 0 && d.compareTo(curve.order()) < 0) {
                return d;
            }
        }
    }

    @Override
    public byte[] agree(ECPrivateKeyParameters own, byte[] peerValue) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(own);
        ECPublicKeyParameters peer = new ECPublicKeyParameters(domain.getCurve().decodePoint(peerValue), domain);
        byte[] x = new byte[curve.fieldBytes()];
        curve.writeFixed(agreement.calculateAgreement(peer), x, 0);
        return x;
    }

    @Override
    public String toString() {
        return "ECDH " + curve;
    }
}
