package dev.keyway.api.keys;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.math.BigInteger;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * The curve NIST P-256 (secp256r1; SEC 2 §2.4.2, FIPS 186-4 D.1.2.3), called {@code nistp256}
 * in SSH (RFC 5656 §10.1), as constants and static methods: the {@link NistCurve#P256} curve,
 * whose javadoc gives the point encoding and the checks a peer's point passes.
 */
public final class NistP256 {
    private static final NistCurve CURVE = NistCurve.P256;

    /** The field prime p. */
    public static final BigInteger P = CURVE.p();
    /** The coefficient a = p - 3. */
    public static final BigInteger A = CURVE.a();
    /** The coefficient b. */
    public static final BigInteger B = CURVE.b();
    /** The order n of the base point. */
    public static final BigInteger N = CURVE.order();
    /** The base point G. */
    public static final ECPoint G = CURVE.generator();
    /** Bytes of a field element or a scalar. */
    public static final int FIELD_BYTES = 32;
    /** Bytes of an uncompressed point. */
    public static final int POINT_BYTES = 1 + 2 * FIELD_BYTES;
    /** The SSH curve identifier of RFC 5656 §6.1. */
    public static final String SSH_IDENTIFIER = "nistp256";

    private NistP256() {
    }

    /** The curve's parameters for JCA key specs. */
    public static ECParameterSpec parameters() {
        return CURVE.parameters();
    }

    /** Whether JCA parameters describe P-256, whichever provider built them. */
    public static boolean isCurve(ECParameterSpec spec) {
        return CURVE.isCurve(spec);
    }

    /** The uncompressed encoding {@code 0x04 || X || Y} of a point. */
    public static byte[] encodePoint(ECPoint point) {
        return CURVE.encodePoint(point);
    }

    /** Writes a non-negative value below 2^256 as 32 big-endian bytes. */
    public static void writeFixed(BigInteger v, byte[] out, int off) {
        CURVE.writeFixed(v, out, off);
    }

    /**
     * Checks a peer's ECDH value (RFC 5656 §4: the recipient MUST verify it, SEC1 §3.2.2);
     * fits {@code dev.keyway.api.spi.PeerValueCheck}.
     *
     * @throws SshProtocolException with {@code KEY_EXCHANGE_FAILED} when it is not an
     *         uncompressed point on P-256
     */
    public static void checkKeyExchangeValue(byte[] value) throws SshProtocolException {
        CURVE.checkKeyExchangeValue(value);
    }

    /**
     * Decodes and validates a peer's point.
     *
     * @param reason the disconnect reason to report, e.g. {@code KEY_EXCHANGE_FAILED} for a
     *               key exchange value or {@code PROTOCOL_ERROR} for a key blob
     * @throws SshProtocolException when the encoding is not an uncompressed point on P-256
     */
    public static ECPoint decodePoint(byte[] encoded, DisconnectReason reason) throws SshProtocolException {
        return CURVE.decodePoint(encoded, reason);
    }
}
