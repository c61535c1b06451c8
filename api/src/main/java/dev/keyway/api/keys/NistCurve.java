package dev.keyway.api.keys;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.math.BigInteger;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * A NIST prime curve y² = x³ - 3x + b over GF(p) with cofactor 1 (FIPS 186-4 D.1.2, SEC 2
 * §2.4.2 and §2.5.1), called {@code nistp256} and {@code nistp384} in SSH (RFC 5656 §10.1),
 * with the point encoding SSH uses: the uncompressed SEC1 form {@code 0x04 || X || Y}, each
 * coordinate at the field's length (SEC1 §2.3.3; RFC 5656 §3.1 and §4).
 *
 * <p>Points from a peer are checked here explicitly rather than trusted to a library: the
 * length and the 0x04 prefix, both coordinates below p, and the curve equation. The
 * cofactor is 1, so every point on the curve other than infinity lies in the prime-order
 * group; infinity has no uncompressed encoding and is refused by the length check.
 */
public final class NistCurve {
    /** P-256 (secp256r1; FIPS 186-4 D.1.2.3). */
    public static final NistCurve P256 = new NistCurve("P-256", "nistp256", 32,
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF",
            "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B",
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
            "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296",
            "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5");
    /** P-384 (secp384r1; FIPS 186-4 D.1.2.4). */
    public static final NistCurve P384 = new NistCurve("P-384", "nistp384", 48,
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF",
            "B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973",
            "AA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7",
            "3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F");

    private final String name;
    private final String sshIdentifier;
    private final int fieldBytes;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final BigInteger n;
    private final ECPoint g;
    private final ECParameterSpec parameters;

    private NistCurve(String name, String sshIdentifier, int fieldBytes, String p, String b, String n,
            String gx, String gy) {
        this.name = name;
        this.sshIdentifier = sshIdentifier;
        this.fieldBytes = fieldBytes;
        this.p = new BigInteger(p, 16);
        this.a = this.p.subtract(BigInteger.valueOf(3));
        this.b = new BigInteger(b, 16);
        this.n = new BigInteger(n, 16);
        this.g = new ECPoint(new BigInteger(gx, 16), new BigInteger(gy, 16));
        this.parameters = new ECParameterSpec(new EllipticCurve(new ECFieldFp(this.p), a, this.b), g, this.n, 1);
    }

    /** The curve's name, e.g. {@code P-384}. */
    public String name() {
        return name;
    }

    /** The SSH curve identifier of RFC 5656 §6.1, e.g. {@code nistp384}. */
    public String sshIdentifier() {
        return sshIdentifier;
    }

    /** The field prime p. */
    public BigInteger p() {
        return p;
    }

    /** The coefficient a = p - 3. */
    public BigInteger a() {
        return a;
    }

    /** The coefficient b. */
    public BigInteger b() {
        return b;
    }

    /** The order n of the base point. */
    public BigInteger order() {
        return n;
    }

    /** The base point G. */
    public ECPoint generator() {
        return g;
    }

    /** Bytes of a field element or a scalar: 32 for P-256, 48 for P-384. */
    public int fieldBytes() {
        return fieldBytes;
    }

    /** Bytes of an uncompressed point: 65 for P-256, 97 for P-384. */
    public int pointBytes() {
        return 1 + 2 * fieldBytes;
    }

    /** The curve's parameters for JCA key specs. */
    public ECParameterSpec parameters() {
        return parameters;
    }

    /** Whether JCA parameters describe this curve, whichever provider built them. */
    public boolean isCurve(ECParameterSpec spec) {
        if (spec == null) {
            return false;
        }
        ECField field = spec.getCurve().getField();
        return field instanceof ECFieldFp fp && fp.getP().equals(p)
                && spec.getCurve().getA().equals(a) && spec.getCurve().getB().equals(b)
                && spec.getGenerator().equals(g) && spec.getOrder().equals(n)
                && spec.getCofactor() == 1;
    }

    /** The uncompressed encoding {@code 0x04 || X || Y} of a point. */
    public byte[] encodePoint(ECPoint point) {
        if (point == ECPoint.POINT_INFINITY) {
            throw new IllegalArgumentException("the point at infinity has no uncompressed encoding");
        }
        byte[] out = new byte[pointBytes()];
        out[0] = 4;
        writeFixed(point.getAffineX(), out, 1);
        writeFixed(point.getAffineY(), out, 1 + fieldBytes);
        return out;
    }

    /**
     * Writes a non-negative value below 2^(8 × field bytes) as exactly the field's length of
     * big-endian bytes (SEC1 §2.3.5 FieldElement-to-OctetString), as ECDH's shared secret is
     * written (SEC1 §3.3.1).
     */
    public void writeFixed(BigInteger v, byte[] out, int off) {
        byte[] bytes = v.toByteArray();
        int len = bytes.length;
        int from = 0;
        if (len > fieldBytes) {
            // toByteArray adds a sign byte when the top bit is set; anything more is too big.
            if (len != fieldBytes + 1 || bytes[0] != 0) {
                throw new IllegalArgumentException("value exceeds " + 8 * fieldBytes + " bits");
            }
            from = 1;
            len = fieldBytes;
        }
        System.arraycopy(bytes, from, out, off + fieldBytes - len, len);
    }

    /**
     * Checks a peer's ECDH value (RFC 5656 §4: the recipient MUST verify it, SEC1 §3.2.2);
     * fits {@code dev.keyway.api.spi.PeerValueCheck}.
     *
     * @throws SshProtocolException with {@code KEY_EXCHANGE_FAILED} when it is not an
     *         uncompressed point on this curve
     */
    public void checkKeyExchangeValue(byte[] value) throws SshProtocolException {
        decodePoint(value, DisconnectReason.KEY_EXCHANGE_FAILED);
    }

    /**
     * Decodes and validates a peer's point.
     *
     * @param reason the disconnect reason to report, e.g. {@code KEY_EXCHANGE_FAILED} for a
     *               key exchange value or {@code PROTOCOL_ERROR} for a key blob
     * @throws SshProtocolException when the encoding is not an uncompressed point on this curve
     */
    public ECPoint decodePoint(byte[] encoded, DisconnectReason reason) throws SshProtocolException {
        if (encoded.length != pointBytes() || encoded[0] != 4) {
            throw new SshProtocolException(reason, "not an uncompressed " + name + " point");
        }
        BigInteger x = new BigInteger(1, encoded, 1, fieldBytes);
        BigInteger y = new BigInteger(1, encoded, 1 + fieldBytes, fieldBytes);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new SshProtocolException(reason, name + " point coordinate out of range");
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        if (!lhs.equals(rhs)) {
            throw new SshProtocolException(reason, "point is not on " + name);
        }
        return new ECPoint(x, y);
    }

    @Override
    public String toString() {
        return name;
    }
}
