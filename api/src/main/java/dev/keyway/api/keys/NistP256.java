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
 * The curve NIST P-256 (secp256r1; SEC 2 §2.4.2, FIPS 186-4 D.1.2.3), called {@code nistp256}
 * in SSH (RFC 5656 §10.1), with the point encoding SSH uses: the uncompressed SEC1 form
 * {@code 0x04 || X || Y} (SEC1 §2.3.3; RFC 5656 §3.1 and §4).
 *
 * <p>Points from a peer are checked here explicitly rather than trusted to a library: the
 * length and the 0x04 prefix, both coordinates below p, and the curve equation. The
 * cofactor is 1, so every point on the curve other than infinity lies in the prime-order
 * group; infinity has no uncompressed encoding and is rejected by the length check.
 */
public final class NistP256 {
    /** The field prime p. */
    public static final BigInteger P = hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
    /** The coefficient a = p - 3. */
    public static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    /** The coefficient b. */
    public static final BigInteger B = hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
    /** The order n of the base point. */
    public static final BigInteger N = hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    /** The base point G. */
    public static final ECPoint G = new ECPoint(
            hex("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"),
            hex("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"));
    /** Bytes of a field element or a scalar. */
    public static final int FIELD_BYTES = 32;
    /** Bytes of an uncompressed point. */
    public static final int POINT_BYTES = 1 + 2 * FIELD_BYTES;
    /** The SSH curve identifier of RFC 5656 §6.1. */
    public static final String SSH_IDENTIFIER = "nistp256";

    private static final ECParameterSpec PARAMS =
            new ECParameterSpec(new EllipticCurve(new ECFieldFp(P), A, B), G, N, 1);

    private NistP256() {
    }

    private static BigInteger hex(String s) {
        return new BigInteger(s, 16);
    }

    /** The curve's parameters for JCA key specs. */
    public static ECParameterSpec parameters() {
        return PARAMS;
    }

    /** Whether JCA parameters describe P-256, whichever provider built them. */
    public static boolean isCurve(ECParameterSpec spec) {
        if (spec == null) {
            return false;
        }
        ECField field = spec.getCurve().getField();
        return field instanceof ECFieldFp fp && fp.getP().equals(P)
                && spec.getCurve().getA().equals(A) && spec.getCurve().getB().equals(B)
                && spec.getGenerator().equals(G) && spec.getOrder().equals(N)
                && spec.getCofactor() == 1;
    }

    /** The uncompressed encoding {@code 0x04 || X || Y} of a point. */
    public static byte[] encodePoint(ECPoint point) {
        if (point == ECPoint.POINT_INFINITY) {
            throw new IllegalArgumentException("the point at infinity has no uncompressed encoding");
        }
        byte[] out = new byte[POINT_BYTES];
        out[0] = 4;
        writeFixed(point.getAffineX(), out, 1);
        writeFixed(point.getAffineY(), out, 1 + FIELD_BYTES);
        return out;
    }

    /** Writes a non-negative value below 2^256 as 32 big-endian bytes. */
    public static void writeFixed(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int len = b.length;
        int from = 0;
        if (len > FIELD_BYTES) {
            // toByteArray adds a sign byte when the top bit is set; anything more is too big.
            if (len != FIELD_BYTES + 1 || b[0] != 0) {
                throw new IllegalArgumentException("value exceeds 256 bits");
            }
            from = 1;
            len = FIELD_BYTES;
        }
        System.arraycopy(b, from, out, off + FIELD_BYTES - len, len);
    }

    /**
     * Checks a peer's ECDH value (RFC 5656 §4: the recipient MUST verify it, SEC1 §3.2.2);
     * fits {@code dev.keyway.api.spi.PeerValueCheck}.
     *
     * @throws SshProtocolException with {@code KEY_EXCHANGE_FAILED} when it is not an
     *         uncompressed point on P-256
     */
    public static void checkKeyExchangeValue(byte[] value) throws SshProtocolException {
        decodePoint(value, DisconnectReason.KEY_EXCHANGE_FAILED);
    }

    /**
     * Decodes and validates a peer's point.
     *
     * @param reason the disconnect reason to report, e.g. {@code KEY_EXCHANGE_FAILED} for a
     *               key exchange value or {@code PROTOCOL_ERROR} for a key blob
     * @throws SshProtocolException when the encoding is not an uncompressed point on P-256
     */
    public static ECPoint decodePoint(byte[] encoded, DisconnectReason reason) throws SshProtocolException {
        if (encoded.length != POINT_BYTES || encoded[0] != 4) {
            throw new SshProtocolException(reason, "not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, encoded, 1, FIELD_BYTES);
        BigInteger y = new BigInteger(1, encoded, 1 + FIELD_BYTES, FIELD_BYTES);
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            throw new SshProtocolException(reason, "P-256 point coordinate out of range");
        }
        BigInteger lhs = y.multiply(y).mod(P);
        BigInteger rhs = x.multiply(x).add(A).multiply(x).add(B).mod(P);
        if (!lhs.equals(rhs)) {
            throw new SshProtocolException(reason, "point is not on P-256");
        }
        return new ECPoint(x, y);
    }
}
